import { z } from 'zod';
import { LOCALES } from '../i18n/index.js';

/** POST /status/subscriptions as JSON (a form posts the same fields, form-encoded). */
export const SubscribeBody = z
  .object({
    kind: z.enum(['email', 'webhook']).optional().describe('email (double opt-in) or webhook; by default, whichever of email and url is given'),
    email: z.string().max(1000).optional(),
    url: z.string().max(4000).optional().describe('The webhook receiver: a public http(s) address'),
    components: z.enum(['all', 'chosen']).optional().describe('all (the default, including components added later) or chosen (those in component_ids)'),
    component_ids: z.array(z.string().max(100)).max(1000).nullable().optional().describe('The components to hear about; null or absent: all'),
    locale: z.string().max(20).optional().describe(`The language of the emails: ${LOCALES.join(', ')}; by default the request's Accept-Language`),
  })
  .describe('A subscription to the status page');

export const PendingSchema = z.object({ status: z.literal('confirmation_sent').describe('A confirmation link went to the address, if it can receive mail; nothing else is sent until it is opened') });

export const WebhookSubscriptionSchema = z.object({
  id: z.string(),
  kind: z.literal('webhook'),
  url: z.string(),
  secret: z.string().describe('Signs each notice (Hourglass-Signature), shown only now'),
  component_ids: z.array(z.string()).nullable(),
  unsubscribe_url: z.string().describe('Ends the subscription (GET shows a button, POST ends it)'),
});

export const TokenQuery = z.object({ token: z.string().max(200).optional(), locale: z.string().max(20).optional() });
export const LocaleQuery = z.object({ locale: z.string().max(20).optional() });

export const ComponentChoiceSchema = z.object({ id: z.string(), name: z.string(), group: z.string().nullable() });

export const PortalSubscriptionSchema = z.object({
  subscription: z
    .object({
      id: z.string(),
      email: z.string(),
      component_ids: z.array(z.string()).nullable().describe('null: all components'),
      locale: z.enum(LOCALES),
      created_at: z.string(),
    })
    .nullable()
    .describe('Your active email subscription (from the portal or confirmed from the status page), or null'),
  components: z.array(ComponentChoiceSchema).describe('The components of the status page'),
});

export const PutPortalSubscriptionBody = z.strictObject({
  component_ids: z.array(z.uuid('Must be a component id (a UUID).')).max(200).nullable().describe('The components to hear about; null: all of them, including those added later'),
});
