import { parseDuration } from '@hourglass/engine';
import { z } from 'zod';
import { instantSchema } from '../http/common-schemas.js';
import { NOTIFY_EVENTS } from '../notify/index.js';

/** What a receiver gets; the description of the Webhook schema in the OpenAPI document. */
const DELIVERY_DESCRIPTION =
  'A webhook endpoint. Each event is POSTed to `url` as JSON `{ id, type, occurred_at, data }`, signed in the Hourglass-Signature header. ' +
  '`data.ticket` carries `id`, `number`, `subject`, `status`, `priority`, `assignee_id`, `url` (the ticket in the agent console, `/console/tickets/<id>`: ' +
  'webhooks are for the provider\'s own tools) and `portal_url` (the same ticket in the customer portal, `/portal/tickets/<id>`); the rest of `data` ' +
  'depends on the event. Times in `data` are ISO 8601 instants in UTC; `data.zone`, where present, is the zone of the business hours behind them.';

/** An event type a webhook endpoint can subscribe to (the web app lists them from this enum). */
export const WebhookEventSchema = z.enum(NOTIFY_EVENTS).meta({ id: 'WebhookEvent' });

export const WebhookSchema = z
  .object({
    id: z.uuid(),
    url: z.string(),
    description: z.string().nullable(),
    events: z.array(WebhookEventSchema).describe('The event types delivered; empty: every event.'),
    active: z.boolean(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .meta({ id: 'Webhook', description: DELIVERY_DESCRIPTION });
export type WebhookJson = z.infer<typeof WebhookSchema>;

export const CreatedWebhookSchema = WebhookSchema.extend({
  secret: z.string().describe('Shown only now: the HMAC-SHA256 key of the Hourglass-Signature header. Store it with the receiver.'),
}).meta({ id: 'CreatedWebhook' });

const url = z
  .url('Must be an absolute URL such as https://example.com/hooks/hourglass.')
  .max(2000)
  .refine((u) => /^https?:\/\//i.test(u), 'Must use https (or http for local testing).')
  .describe(
    'Where events are POSTed. Must reach a public address: loopback, private, link-local (cloud metadata), unique-local, CGNAT, multicast and unspecified ' +
      'addresses are refused when the URL is saved and again, after DNS, at every delivery, unless the operator lists the receiver in HOURGLASS_WEBHOOK_ALLOW.',
  );
const events = z.array(WebhookEventSchema).max(NOTIFY_EVENTS.length).describe(`Event types to deliver (${NOTIFY_EVENTS.join(', ')}); empty or left out: every event.`);

export const CreateWebhookBody = z.strictObject({
  url,
  description: z.string().trim().max(500).optional(),
  events: events.optional(),
});
export type CreateWebhookInput = z.infer<typeof CreateWebhookBody>;

export const UpdateWebhookBody = z.strictObject({
  url: url.optional(),
  description: z.string().trim().max(500).nullable().optional(),
  events: events.optional(),
  active: z.boolean().optional().describe('false stops deliveries without deleting the endpoint and its log.'),
});
export type UpdateWebhookInput = z.infer<typeof UpdateWebhookBody>;

export const DeliverySchema = z
  .object({
    id: z.number(),
    event_id: z.string(),
    event_type: z.string(),
    attempt: z.number(),
    attempted_at: z.string(),
    duration_ms: z.number(),
    status_code: z.number().nullable(),
    error: z.string().nullable(),
    response_excerpt: z.string().nullable(),
    outcome: z.enum(['delivered', 'retry_scheduled', 'dead_letter']).describe('dead_letter: no more attempts will be made.'),
    next_attempt_at: z.string().nullable(),
  })
  .meta({ id: 'WebhookDelivery' });

export const DeliveriesQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  outcome: z.enum(['delivered', 'retry_scheduled', 'dead_letter']).optional(),
});

export const PreferencesSchema = z
  .object({
    events: z.record(z.string(), z.boolean()).describe('Every event with whether it reaches you by email.'),
    choices: z.record(z.string(), z.boolean()).describe('What you chose; events left out follow your role\'s default.'),
  })
  .meta({ id: 'NotificationPreferences' });

export const PutPreferencesBody = z.record(z.string(), z.unknown()).describe('Event names to true (receive) or false (mute), e.g. {"public_reply": false}.');

const DAY = 86_400_000;

/** A wall-time span to move the clock by: weeks and days (`2w`, `3d`, `1d12h`) or anything the engine reads (`90m`, `1h30m`, `PT2H`). */
export function parseAdvance(text: string): number {
  const match = /^\s*(?:(\d+(?:\.\d+)?)w)?\s*(?:(\d+(?:\.\d+)?)d)?\s*(.*)$/i.exec(text)!;
  const [, weeks, days, rest = ''] = match;
  if (weeks === undefined && days === undefined) return parseDuration(text);
  const extra = rest.trim() === '' ? 0 : parseDuration(rest.trim());
  return Number(weeks ?? 0) * 7 * DAY + Number(days ?? 0) * DAY + extra;
}

const durationText = z.string().max(50).refine((text) => {
  try {
    return parseAdvance(text) > 0;
  } catch {
    return false;
  }
}, 'Must be a span of time such as 90m, 2h, 2d, 1w or 1d12h.');

export const MoveClockBody = z
  .strictObject({
    advance: durationText.optional().describe('Move forward by this much wall time, e.g. 2d.'),
    to: instantSchema.optional().describe('Move forward to this instant.'),
  })
  .refine((b) => (b.advance === undefined) !== (b.to === undefined), { message: 'Give either "advance" (a duration such as 2d) or "to" (an ISO 8601 instant), not both.' });

export const ClockSchema = z
  .object({
    now: z.string(),
    movable: z.boolean(),
    worker: z.boolean().describe('Whether this process runs a worker that fires timers as the clock moves.'),
    moved_from: z.string().optional(),
    fired: z.number().optional(),
    retried: z.number().optional(),
    dead: z.number().optional(),
  })
  .meta({ id: 'Clock' });
