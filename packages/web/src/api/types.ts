/**
 * Short names for the shapes the web app reads from and sends to the Hourglass API. Every one is
 * the generated contract (schema.gen.ts, from the server's /openapi.json; `npm run openapi`), never
 * a copy: when the server's schemas change, the page's types change with them.
 */
import type { components } from './schema.gen.js';
import { schemaEnums } from './schema.gen.js';

type Schemas = components['schemas'];

export type User = Schemas['User'];
export type Role = User['role'];
export type Project = Schemas['Project'];
export type Account = Schemas['Account'];
export type PartnerTier = Schemas['PartnerTier'];
export const PARTNER_TIERS: readonly PartnerTier[] = schemaEnums.PartnerTier;

export type Ticket = Schemas['Ticket'];
export type TicketStatus = Ticket['status'];
export type Target = Schemas['SlaTarget'];
export type TargetState = Target['state'];
export type IntakeIssue = Schemas['IntakeIssue'];
export type Comment = Schemas['Comment'];
export type TicketEvent = Schemas['TicketEvent'];
export type Attachment = Schemas['Attachment'];
export type TicketIntake = Schemas['TicketIntake'];
export type TicketIntakeChange = Schemas['TicketIntakeChange'];

/** `GET /api/v1/tickets/:id/escalations`, and each ticket's `escalations`. */
export type Escalation = Schemas['Escalation'];
export type EscalationRoute = Escalation['via'];
export type RaisedEscalation = Schemas['RaisedEscalation'];
/** A policy version's escalation: who may escalate through support, why, and how soon it is answered. */
export type EscalationPolicy = Schemas['EscalationPolicy'];

/** `GET /api/v1/tickets/:id/targets/:metric/explain`. */
export type Explanation = Schemas['TargetExplanation'];

export type IntakeForms = Schemas['IntakeForms'];
export type IntakeFormSpec = IntakeForms['forms'][number];
export type IntakeFieldSpec = IntakeFormSpec['fields'][number];

export type PolicyInfo = Schemas['Policy'];
export type PolicyVersionInfo = Schemas['PolicyVersion'];
/** A priority of a policy pack version (`GET /api/v1/policies/:pack`). */
export type PriorityInfo = PolicyVersionInfo['priorities'][number];
export type CalendarInfo = PolicyVersionInfo['calendars'][number];
export type PartnerTierInfo = PolicyVersionInfo['partner_tiers'][number];
/** One cell of a version's target grid; `duration` null: the plan guarantees nothing there. */
export type PlanTarget = PolicyVersionInfo['targets'][number];
/** `POST /api/v1/policies/validate`. */
export type PackValidation = Schemas['PolicyValidation'];
/** `GET /api/v1/policies/:pack/calendars/:calendar/open-periods`; times in the calendar's zone. */
export type OpenPeriods = Schemas['CalendarOpenPeriods'];

/** `GET /api/v1/webhooks`. */
export type Webhook = Schemas['Webhook'];
/** The answer to creating a webhook: the only one that shows its `secret`. */
export type CreatedWebhook = Schemas['CreatedWebhook'];
export type WebhookEvent = Schemas['WebhookEvent'];
/** Every event a webhook endpoint can subscribe to, in the contract's order. */
export const WEBHOOK_EVENT_IDS: readonly WebhookEvent[] = schemaEnums.WebhookEvent;
/** One attempt to deliver an event (`GET /api/v1/webhooks/:id/deliveries`), newest first. */
export type WebhookDelivery = Schemas['WebhookDelivery'];

/** `GET /api/v1/users/:id/out-of-office`. */
export type OutOfOffice = Schemas['OutOfOffice'];
/** `GET /api/v1/teams`. */
export type Team = Schemas['Team'];
export type SuspendedMail = Schemas['SuspendedMail'];
export type SuspendedMailDetail = Schemas['SuspendedMailDetail'];
export type ServerTime = Schemas['ServerTime'];

