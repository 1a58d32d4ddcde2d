import { z } from 'zod';
import { ROLES } from '../db/schema.js';
import { pageQuery } from '../http/pagination.js';

export const REVIEW_STATUSES = ['pending', 'accepted', 'discarded'] as const;

export const SuspendedMailSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(REVIEW_STATUSES),
    received_at: z.string(),
    from: z.object({ address: z.string(), name: z.string().nullable() }),
    subject: z.string(),
    kind: z.enum(['new_ticket', 'reply']).describe('What the mail would do: open a ticket or reply to one.'),
    sender_role: z.enum(ROLES).describe('The role of the user the From address belongs to.'),
    reason: z.string().describe('Why the mail was not trusted, e.g. "SPF fail for 203.0.113.5 (example.com); no DKIM signature; DMARC fail for example.com (policy reject)".'),
    remote_address: z.string().describe('The IP address that delivered the mail.'),
    envelope_from: z.string().nullable(),
    size: z.number().int(),
    can_accept: z.boolean(),
    accept_blocked: z.string().nullable().describe('Why it cannot be accepted (mail from a staff address); null when it can.'),
    decided_at: z.string().nullable(),
    decided_by: z.uuid().nullable(),
    ticket_id: z.uuid().nullable().describe('The ticket it opened or replied to, once accepted.'),
    outcome: z.string().nullable(),
  })
  .meta({ id: 'SuspendedMail' });
export type SuspendedMailView = z.infer<typeof SuspendedMailSchema>;

export const SuspendedMailDetailSchema = SuspendedMailSchema.extend({
  text: z.string().describe('The text of the mail, as it would be added (quoted text included), at most 20,000 characters.'),
  attachments: z.array(z.object({ filename: z.string(), content_type: z.string(), size: z.number().int() })),
}).meta({ id: 'SuspendedMailDetail' });
export type SuspendedMailDetail = z.infer<typeof SuspendedMailDetailSchema>;

export const ListSuspendedQuery = z.strictObject({
  ...pageQuery,
  status: z.enum([...REVIEW_STATUSES, 'all']).default('pending').describe('Which mail to list (default pending: waiting for a decision).'),
});
export type ListSuspendedFilter = z.infer<typeof ListSuspendedQuery>;
