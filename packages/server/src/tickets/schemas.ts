import { z } from 'zod';
import { CHANNELS, TARGET_STATES, TICKET_STATUSES } from '../db/schema.js';
import { languageSchema } from '../http/common-schemas.js';
import { pageQuery } from '../http/pagination.js';

/** An escalation of a ticket with its response target, as ticket reads and the escalation endpoints show it. */
export const EscalationSchema = z
  .object({
    id: z.uuid(),
    ticket_id: z.uuid(),
    via: z.enum(['support', 'growth_manager']),
    reason: z.string(),
    reason_label: z.string(),
    note: z.string().nullable(),
    raised_by: z.uuid().nullable(),
    raised_at: z.string(),
    state: z.enum(['active', 'met', 'breached', 'none']).describe('Its response target: running, answered in time, overdue (or answered late), or no target.'),
    calendar_id: z.string().nullable(),
    duration: z.string().nullable(),
    due_at: z.string().nullable(),
    responded_at: z.string().nullable(),
    time_left_ms: z.number().nullable(),
    overdue_ms: z.number().nullable(),
  })
  .meta({ id: 'Escalation' });
export type EscalationJson = z.infer<typeof EscalationSchema>;

const text = (max: number) => z.string().trim().min(1, 'Must not be empty.').max(max, `Must be at most ${max} characters.`);
const intakeValue = z.union([z.string().max(10_000), z.array(z.string().max(1000)).max(50), z.null()]);
export const intakeValues = z
  .record(z.string().min(1).max(100), intakeValue)
  .refine((values) => Object.keys(values).length <= 50, 'At most 50 intake fields.')
  .describe('The intake form\'s field values, by field id (text, or a list of SIDs).');

export const IntakeIssueSchema = z
  .object({ path: z.string(), severity: z.enum(['error', 'warning']), message: z.string() })
  .meta({ id: 'IntakeIssue' });

export const TargetSchema = z
  .object({
    metric: z.string(),
    state: z.enum(TARGET_STATES),
    none_reason: z.string().nullable().describe('Why there is no guarantee: no_target, channel_without_sla, intake_incomplete…'),
    calendar_id: z.string().nullable(),
    duration: z.string().nullable().describe('The target, e.g. 2h, counted in the calendar\'s open hours.'),
    duration_ms: z.number().nullable(),
    started_at: z.string().nullable(),
    due_at: z.string().nullable().describe('Null while the clock is paused or there is no guarantee.'),
    met_at: z.string().nullable(),
    breached_at: z.string().nullable(),
    warning_at: z.string().nullable(),
    at_risk: z.boolean(),
    time_left_ms: z.number().nullable().describe('Business time left, in the calendar\'s open hours.'),
    time_left: z.string().nullable(),
    overdue_ms: z.number().nullable().describe('Business time past the due time.'),
    overdue_by: z.string().nullable(),
    paused_ms: z.number(),
    explain_url: z.string().nullable(),
  })
  .meta({ id: 'SlaTarget' });
export type TargetJson = z.infer<typeof TargetSchema>;

export const TicketSchema = z
  .object({
    id: z.uuid(),
    number: z.number(),
    account_id: z.uuid(),
    project_id: z.uuid().nullable(),
    requester_id: z.uuid(),
    assignee_id: z.uuid().nullable(),
    team_id: z.uuid().nullable(),
    subject: z.string(),
    description: z.string(),
    product: z.string().nullable().describe('The intake form (product category) the ticket was filed under.'),
    priority: z.string(),
    environment: z.string().nullable(),
    channel: z.enum(CHANNELS),
    language: z.string(),
    status: z.enum(TICKET_STATUSES),
    intake: z.record(z.string(), z.unknown()),
    intake_complete: z.boolean(),
    intake_completed_at: z.string().nullable(),
    pack_id: z.string(),
    pack_version: z.string(),
    plan: z.string(),
    created_at: z.string(),
    updated_at: z.string(),
    clock_started_at: z.string().nullable(),
    solved_at: z.string().nullable(),
    closed_at: z.string().nullable(),
    targets: z.array(TargetSchema),
    escalations: z.array(EscalationSchema).optional().describe('Escalations with their response targets (in ticket reads and the queue).'),
    warnings: z.array(IntakeIssueSchema).optional().describe('Soft intake guidance from this request; nothing blocks.'),
  })
  .meta({ id: 'Ticket' });
export type TicketJson = z.infer<typeof TicketSchema>;

export const CreateTicketBody = z.strictObject({
  subject: text(300),
  description: text(50_000),
  account_id: z.uuid().optional().describe('Staff only: the customer account; customers always file for their own.'),
  requester_id: z.uuid().optional().describe('Staff only: the customer who asks; defaults to the caller.'),
  project_id: z.uuid().optional().describe('The project the issue is about; the most urgent priorities may need a production project.'),
  product: z.string().min(1).max(100).optional().describe('An intake form id of the account\'s pack (see GET /api/v1/intake-forms).'),
  priority: z.string().min(1).max(50).optional().describe('A priority id of the pack; the pack\'s default when left out.'),
  environment: z.string().trim().min(1).max(100).optional(),
  channel: z.enum(CHANNELS).optional().describe('How the ticket arrived; web for a signed-in user, api for a token, by default.'),
  language: languageSchema.optional().describe('Defaults to the account\'s first language.'),
  intake: intakeValues.optional(),
  assignee_id: z.uuid().optional().describe('Staff only.'),
  team_id: z.uuid().optional().describe('Staff only.'),
});
export type CreateTicketInput = z.infer<typeof CreateTicketBody>;

export const UpdateTicketBody = z.strictObject({
  status: z.enum(TICKET_STATUSES).optional(),
  subject: text(300).optional(),
  description: text(50_000).optional(),
  assignee_id: z.uuid().nullable().optional().describe('Staff only.'),
  team_id: z.uuid().nullable().optional().describe('Staff only.'),
  environment: z.string().trim().min(1).max(100).nullable().optional(),
  language: languageSchema.optional(),
  project_id: z.uuid().nullable().optional(),
  product: z.string().min(1).max(100).optional().describe('Chooses (or changes) the intake form; give the intake values with it.'),
  intake: intakeValues.optional().describe('Replaces the intake values; checked again against the ticket\'s form.'),
});
export type UpdateTicketInput = z.infer<typeof UpdateTicketBody>;

export const ReclassifyBody = z.strictObject({
  priority: z.string().min(1).max(50),
  reason: z.string().max(2000).describe('Required: why the priority changes. Kept in the history.').optional(),
});
export type ReclassifyInput = z.infer<typeof ReclassifyBody>;

export const BREACH_FILTERS = ['breached', 'at_risk', 'on_track', 'none'] as const;

export const ListTicketsQuery = z.strictObject({
  ...pageQuery,
  status: z
    .string()
    .regex(/^[a-z_]+(,[a-z_]+)*$/, 'Must be statuses separated by commas, e.g. new,open.')
    .refine((v) => v.split(',').every((s) => (TICKET_STATUSES as readonly string[]).includes(s)), {
      message: `Each status must be one of ${TICKET_STATUSES.join(', ')}.`,
    })
    .optional()
    .describe('One status or several separated by commas.'),
  priority: z.string().min(1).max(50).optional(),
  assignee_id: z.union([z.uuid(), z.literal('none')]).optional().describe('A user id, or "none" for unassigned tickets.'),
  account_id: z.uuid().optional(),
  breach: z.enum(BREACH_FILTERS).optional().describe('breached, at_risk (warning passed), on_track, or none (no running target).'),
  q: z.string().trim().min(1).max(200).optional().describe('Full-text search in subject, description and comments.'),
});
export type ListTicketsFilter = z.infer<typeof ListTicketsQuery>;

export const QueueQuery = ListTicketsQuery.omit({ status: true });
export type QueueFilter = z.infer<typeof QueueQuery>;

export const CommentSchema = z
  .object({
    id: z.uuid(),
    ticket_id: z.uuid(),
    author_id: z.uuid().nullable(),
    author_role: z.string().nullable(),
    public: z.boolean(),
    body: z.string(),
    channel: z.enum(CHANNELS),
    created_at: z.string(),
  })
  .meta({ id: 'Comment' });
export type CommentJson = z.infer<typeof CommentSchema>;

export const CreateCommentBody = z.strictObject({
  body: text(50_000),
  public: z.boolean().default(true).describe('Internal notes (false) are for staff only and never shown to customers.'),
  channel: z.enum(CHANNELS).optional(),
});
export type CreateCommentInput = z.infer<typeof CreateCommentBody>;

export const EventSchema = z
  .object({
    id: z.number(),
    ticket_id: z.uuid(),
    actor_id: z.uuid().nullable(),
    type: z.string(),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
    reason: z.string().nullable(),
    at: z.string(),
  })
  .meta({ id: 'TicketEvent' });

export const AttachmentSchema = z
  .object({
    id: z.uuid(),
    ticket_id: z.uuid(),
    comment_id: z.uuid().nullable(),
    uploaded_by: z.uuid().nullable(),
    filename: z.string(),
    content_type: z.string(),
    size: z.number(),
    created_at: z.string(),
    download_url: z.string(),
  })
  .meta({ id: 'Attachment' });
export type AttachmentJson = z.infer<typeof AttachmentSchema>;

export const AttachmentQuery = z.strictObject({
  filename: z
    .string()
    .min(1)
    .max(255)
    .regex(/^[^/\\\x00-\x1f]+$/, 'Must be a plain file name without slashes or control characters.'),
  comment_id: z.uuid().optional(),
});

export const TargetParams = z.strictObject({
  id: z.uuid('Must be an id (a UUID).'),
  metric: z.string().min(1).max(50),
});

export const AttachmentParams = z.strictObject({
  id: z.uuid('Must be an id (a UUID).'),
  attachmentId: z.uuid('Must be an id (a UUID).'),
});

export const SegmentSchema = z.object({ start: z.string(), end: z.string() });
export const ExplanationSchema = z
  .object({
    ticket_id: z.uuid(),
    metric: z.string(),
    calendar: z.string(),
    zone: z.string(),
    start: z.string(),
    duration: z.string(),
    duration_ms: z.number(),
    due: z.string().nullable(),
    open: z.array(SegmentSchema.extend({ local_start: z.string(), local_end: z.string(), duration: z.string() })),
    closed: z.array(
      SegmentSchema.extend({
        local_start: z.string(),
        local_end: z.string(),
        reason: z.string(),
        name: z.string().nullable(),
        label: z.string().describe('Why the time was not counted, in the language of the request ("closed for Christmas Day", "Wochenende").'),
        local_name: z.string().nullable().describe("The holiday's name in the language of the request where date-holidays has it, else as the calendar names it."),
      }),
    ),
  })
  .meta({ id: 'TargetExplanation' });
