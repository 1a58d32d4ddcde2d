import { z } from 'zod';
import { EscalationSchema } from '../tickets/schemas.js';

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

export const RaisedEscalationSchema = EscalationSchema.extend({
  notified: z.array(z.union([z.object({ role: z.string() }), z.object({ user_id: z.uuid() })])).describe('Who was alerted at once.'),
}).meta({ id: 'RaisedEscalation' });
