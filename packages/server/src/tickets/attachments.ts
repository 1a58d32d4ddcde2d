import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/schema.js';
import { MAX_ATTACHMENT_BYTES } from '../db/schema.js';
import { AppError, notFound } from '../errors.js';
import type { AppDeps } from '../http/deps.js';
import { invalid } from '../http/invalid.js';
import { getVisibleTicket, recordEvent } from './access.js';
import { presentAttachment } from './present.js';
import type { AttachmentJson } from './schemas.js';

type Db = Kysely<Database>;
const ATTACHMENT_COLUMNS = ['id', 'ticket_id', 'comment_id', 'uploaded_by', 'filename', 'content_type', 'size', 'created_at'] as const;

/** A content type as sent, if it is a plain `type/subtype`; anything else is stored as octet-stream. */
export function cleanContentType(header: string | undefined): string {
  const value = (header ?? '').split(';')[0]!.trim().toLowerCase();
  return /^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/.test(value) ? value : 'application/octet-stream';
}

/** Stores an uploaded file on the ticket (in the database), with an audit entry. */
export async function addAttachment(
  deps: AppDeps,
  db: Db,
  actor: Actor,
  ticketId: string,
  upload: { filename: string; contentType: string; bytes: Buffer; commentId?: string | undefined },
): Promise<AttachmentJson> {
  const ticket = await getVisibleTicket(db, actor, ticketId, true);
  if (ticket.status === 'closed') throw new AppError('ticket_closed', 'The ticket is closed; attach the file to a follow-up ticket instead.');
  if (upload.bytes.length === 0) throw invalid('body', 'The file is empty; send its bytes as the request body.');
  if (upload.bytes.length > MAX_ATTACHMENT_BYTES) throw new AppError('attachment_too_large');
  if (upload.commentId) {
    const comment = await db.selectFrom('ticket_comments').select(['id', 'public']).where('id', '=', upload.commentId).where('ticket_id', '=', ticket.id).executeTakeFirst();
    if (!comment || (actor.role === 'customer' && !comment.public)) throw invalid('querystring.comment_id', 'No comment of this ticket has this id.');
  }
  const now = deps.clock.now();
  const row = await db
    .insertInto('attachments')
    .values({
      ticket_id: ticket.id,
      comment_id: upload.commentId ?? null,
      uploaded_by: actor.userId,
      filename: upload.filename,
      content_type: upload.contentType,
      size: upload.bytes.length,
      bytes: upload.bytes,
      created_at: new Date(now),
    })
    .returning(ATTACHMENT_COLUMNS)
    .executeTakeFirstOrThrow();
  await recordEvent(db, { ticketId: ticket.id, actorId: actor.userId, type: 'attachment_added', after: { attachment_id: row.id, comment_id: row.comment_id, filename: row.filename, size: row.size }, at: now });
  return presentAttachment(row);
}

/** The ticket's attachments; customers do not see files attached to internal notes. */
export async function listAttachments(db: Db, actor: Actor, ticketId: string): Promise<AttachmentJson[]> {
  const ticket = await getVisibleTicket(db, actor, ticketId);
  let query = db
    .selectFrom('attachments')
    .leftJoin('ticket_comments', 'ticket_comments.id', 'attachments.comment_id')
    .select(ATTACHMENT_COLUMNS.map((c) => `attachments.${c}` as const))
    .where('attachments.ticket_id', '=', ticket.id);
  if (actor.role === 'customer') query = query.where((eb) => eb.or([eb('attachments.comment_id', 'is', null), eb('ticket_comments.public', '=', true)]));
  const rows = await query.orderBy('attachments.created_at').orderBy('attachments.id').execute();
  return rows.map(presentAttachment);
}

export async function readAttachment(db: Db, actor: Actor, ticketId: string, attachmentId: string) {
  const visible = (await listAttachments(db, actor, ticketId)).some((a) => a.id === attachmentId);
  if (!visible) throw notFound('attachment');
  return db.selectFrom('attachments').select(['filename', 'content_type', 'bytes']).where('id', '=', attachmentId).executeTakeFirstOrThrow();
}
