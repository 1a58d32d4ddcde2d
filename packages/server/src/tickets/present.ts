import type { Attachment, Ticket, TicketComment, TicketEvent } from '../db/schema.js';
import { iso, isoOrNull } from '../http/common-schemas.js';
import type { TargetView } from '../sla/index.js';
import { presentTarget } from './clocks.js';
import type { AttachmentJson, CommentJson, TicketJson } from './schemas.js';

export function presentTicket(ticket: Ticket, targets: readonly TargetView[], warnings?: TicketJson['warnings']): TicketJson {
  const json: TicketJson = {
    id: ticket.id,
    number: ticket.number,
    account_id: ticket.account_id,
    project_id: ticket.project_id,
    requester_id: ticket.requester_id,
    assignee_id: ticket.assignee_id,
    team_id: ticket.team_id,
    subject: ticket.subject,
    description: ticket.description,
    product: ticket.product,
    priority: ticket.priority,
    environment: ticket.environment,
    channel: ticket.channel,
    language: ticket.language,
    status: ticket.status,
    intake: ticket.intake,
    intake_complete: ticket.intake_complete,
    intake_completed_at: isoOrNull(ticket.intake_completed_at),
    pack_id: ticket.pack_id,
    pack_version: ticket.pack_version,
    plan: ticket.plan,
    created_at: iso(ticket.created_at),
    updated_at: iso(ticket.updated_at),
    clock_started_at: isoOrNull(ticket.clock_started_at),
    solved_at: isoOrNull(ticket.solved_at),
    closed_at: isoOrNull(ticket.closed_at),
    targets: targets.map((t) => presentTarget(ticket.id, t)),
  };
  if (warnings !== undefined) json.warnings = warnings;
  return json;
}

export function presentComment(comment: TicketComment, authorRole: string | null): CommentJson {
  return {
    id: comment.id,
    ticket_id: comment.ticket_id,
    author_id: comment.author_id,
    author_role: authorRole,
    public: comment.public,
    body: comment.body,
    channel: comment.channel,
    created_at: iso(comment.created_at),
  };
}

export type EventJson = ReturnType<typeof presentEvent>;

export function presentEvent(event: TicketEvent) {
  return {
    id: event.id,
    ticket_id: event.ticket_id,
    actor_id: event.actor_id,
    type: event.type,
    before: event.before ?? null,
    after: event.after ?? null,
    reason: event.reason,
    at: iso(event.at),
  };
}

export function presentAttachment(attachment: Omit<Attachment, 'bytes'>): AttachmentJson {
  return {
    id: attachment.id,
    ticket_id: attachment.ticket_id,
    comment_id: attachment.comment_id,
    uploaded_by: attachment.uploaded_by,
    filename: attachment.filename,
    content_type: attachment.content_type,
    size: attachment.size,
    created_at: iso(attachment.created_at),
    download_url: `/api/v1/tickets/${attachment.ticket_id}/attachments/${attachment.id}`,
  };
}
