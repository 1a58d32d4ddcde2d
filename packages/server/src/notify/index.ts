/**
 * Notifications: email out, email in, signed webhooks and per-person preferences.
 * Every entry point takes its collaborators (transport, clock, fetch, sleep) as arguments and holds no
 * database state; the caller decides when to call it and stores what it returns.
 *
 * Email out
 *   const mailer = createMailer({ transport: 'smtp://mail.example.com:587', from: 'Support <support@desk.example.com>' });
 *   await mailer.send('breach_warning', { to: 'agent@example.com', ticketId: ticket.id, data: { ticket, metric, due, remainingMs, explanation } });
 *   Events and their data: `TemplateData`. Every message has Message-ID `<ticket-<id>-<event>-<uuid>@host>`,
 *   In-Reply-To and References `<ticket-<id>@host>`, a `[#<number>]` subject tag and `Auto-Submitted: auto-generated`.
 *   Failures throw `NotifyError('send_failed')` with the SMTP server's answer.
 *
 * Email in
 *   const inbound = await startInboundSmtp({ port: 2525, recipients: ['support@desk.example.com'], onMessage: async ({ parsed, envelope }) => {
 *     const result = interpretInbound(parsed, { supportAddress: 'support@desk.example.com', envelopeTo: envelope.to });
 *     // result.kind: 'new_ticket' (look up the requester by result.from.address), 'reply' (by ticketId or ticketNumber),
 *     // or 'rejected' (log result.message). Throw InboundRejection('…') to refuse the message with a 550.
 *   } });
 *   await inbound.close();
 *
 * Webhooks out
 *   const record = await deliverWebhook(guardedFetch({ allow }), endpoint, event, { clock, attempt });   // one attempt → DeliveryRecord
 *   guardedFetch connects only to public addresses or those of the allow-list (`parseWebhookAllowList`), checked after DNS;
 *   `checkWebhookDestination(url, { allow })` is the same check when a URL is saved.
 *   record.outcome: 'delivered' | 'retry_scheduled' (run again at record.nextAttemptAt with attempt + 1) | 'dead_letter'.
 *   Store every DeliveryRecord as the delivery log. `deliverWithRetries` runs the whole schedule in-process.
 *   Receivers check `verifyWebhook({ secret, header, body, nowMs })`; endpoints are validated with `checkWebhookEndpoint`.
 *
 * Preferences
 *   shouldNotify(user.preferences, user.role, 'breached') → boolean; checkPreferences(role, body) validates a settings update.
 */
export { NOTIFY_EVENTS, NOTIFY_ROLES, isNotifyEvent, isNotifyRole, type NotifyEvent, type NotifyRole } from './events.js';
export { NotifyError, type NotifyErrorCode } from './errors.js';
export { escapeHtml } from './html.js';
export {
  renderTemplate,
  formatDue,
  TEMPLATES,
  type DueTime,
  type RenderedMessage,
  type TargetLine,
  type TemplateData,
  type TicketSummary,
} from './templates/index.js';
export { rootMessageId, eventMessageId, stableUuid, ticketIdFromMessageId } from './threading.js';
export { createMailer, type Mailer, type MailerOptions, type OutgoingNotification, type Recipient, type SentNotification } from './mailer.js';
export {
  startInboundSmtp,
  InboundRejection,
  DEFAULT_INBOUND_MAX_BYTES,
  type InboundMessage,
  type InboundSmtp,
  type InboundSmtpOptions,
} from './inbound-smtp.js';
export {
  interpretInbound,
  type InboundAttachment,
  type InboundInterpretation,
  type InboundNewTicket,
  type InboundRejected,
  type InboundRejectReason,
  type InboundReply,
  type InboundSender,
  type InterpretOptions,
} from './inbound-interpret.js';
export { stripQuotedReply } from './quoted-text.js';
export { signWebhook, verifyWebhook, SIGNATURE_HEADER, DEFAULT_TOLERANCE_SECONDS, type VerifyInput, type VerifyResult, type VerifyFailure } from './webhook-signature.js';
export { nextAttempt, retryWindow, RETRY_DELAYS_MS, MAX_ATTEMPTS, JITTER, type NextAttempt } from './webhook-backoff.js';
export {
  deliverWebhook,
  deliverWithRetries,
  checkWebhookEndpoint,
  webhookBody,
  USER_AGENT,
  type DeliverOptions,
  type DeliveryOutcome,
  type DeliveryRecord,
  type FetchLike,
  type RetryLoopOptions,
  type WebhookEndpoint,
  type WebhookEvent,
} from './webhook-delivery.js';
export {
  checkWebhookDestination,
  parseWebhookAllowList,
  internalAddressKind,
  EMPTY_ALLOW_LIST,
  WEBHOOK_ALLOW_SETTING,
  WebhookDestinationRefused,
  type ResolveHost,
  type WebhookAllowList,
  type WebhookGuard,
} from './webhook-destination.js';
export { guardedFetch } from './webhook-request.js';
export {
  shouldNotify,
  effectivePreferences,
  checkPreferences,
  DEFAULT_EVENTS,
  ALLOWED_EVENTS,
  type NotificationPreferences,
  type PreferencesCheck,
} from './preferences.js';
