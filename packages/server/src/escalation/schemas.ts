import { z } from 'zod';

export const EscalateBody = z.strictObject({
  reason: z
    .string()
    .trim()
    .min(1, 'Give a reason: one of the policy\'s escalation reasons (see GET /api/v1/policies), or a few words for a growth-manager escalation.')
    .max(2000)
    .describe('Through support: one of the policy\'s escalation reason ids. Through the growth manager: why, in a few words.'),
  via: z.enum(['support', 'growth_manager']).default('support').describe('"growth_manager" for 360dialog partner tiers (existing tickets only).'),
  note: z.string().trim().max(5000).optional().describe('What is at stake, who is available to engage, how to reach them.'),
});
export type EscalateInput = z.infer<typeof EscalateBody>;

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

export const RaisedEscalationSchema = EscalationSchema.extend({
  notified: z.array(z.union([z.object({ role: z.string() }), z.object({ user_id: z.uuid() })])).describe('Who was alerted at once.'),
}).meta({ id: 'RaisedEscalation' });
