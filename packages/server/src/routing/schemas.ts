import { z } from 'zod';
import { instantSchema } from '../http/common-schemas.js';

export const PinBody = z.strictObject({
  pin: z.string().trim().regex(/^\d{4,12}$/, 'Must be the account PIN: 4 to 12 digits.'),
});

/** What a voice webhook posts (form-encoded); only `Digits` is read, the rest is allowed and ignored. */
export const VoiceWebhookBody = z.looseObject({
  Digits: z.string().optional().describe('The keys the caller pressed (the PIN), without the final #.'),
});

const RULES = ['primary_manager', 'secondary_manager', 'follow_the_sun', 'follow_the_sun_queue', 'team_language', 'team_member', 'team_queue', 'unassigned'] as const;

export const CallRouteSchema = z
  .object({
    account: z.object({ id: z.uuid(), name: z.string(), plan: z.string() }),
    connect: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('agent'), user_id: z.uuid(), name: z.string(), phone: z.string().nullable(), zone: z.string(), local_time: z.string() }),
      z.object({ kind: z.literal('team'), team_id: z.uuid(), name: z.string(), phone: z.string().nullable() }),
      z.object({ kind: z.literal('queue') }),
    ]),
    rule: z.enum(RULES),
    reason: z.string(),
    at: z.string(),
  })
  .meta({ id: 'CallRoute' });

export const RoutingDecisionSchema = z
  .object({ assignee_id: z.uuid().nullable(), team_id: z.uuid().nullable(), rule: z.enum(RULES), reason: z.string() })
  .meta({ id: 'RoutingDecision' });

export const RoutingPreviewQuery = z.strictObject({
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/, 'Must be a language code such as en, de or pt-BR.').optional(),
});

export const OutOfOfficeSchema = z
  .object({ id: z.uuid(), user_id: z.uuid(), starts_at: z.string(), ends_at: z.string(), note: z.string().nullable(), created_at: z.string() })
  .meta({ id: 'OutOfOffice' });

export const ReroutedSchema = z.object({ ticket_id: z.uuid(), from: z.uuid(), to: z.uuid().nullable(), team_id: z.uuid().nullable(), rule: z.string() });

export const CreateOutOfOfficeBody = z.strictObject({
  starts_at: instantSchema,
  ends_at: instantSchema,
  note: z.string().trim().max(500).optional(),
});

export const RangeParams = z.strictObject({ id: z.uuid('Must be an id (a UUID).'), rangeId: z.uuid('Must be an id (a UUID).') });
