/**
 * Email in: the SMTP listener, and what a received message becomes (a new ticket, a reply, or mail
 * held for review when its sender cannot be trusted). `mail-review/` is where staff decide on held mail.
 */
export { handleInboundMail, type InboundOutcome, type InboundMailSettings } from './handle.js';
export { startInboundMail, type InboundMailOptions } from './listen.js';
