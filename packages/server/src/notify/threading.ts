import { createHash, randomUUID } from 'node:crypto';
import { NOTIFY_EVENTS, type NotifyEvent } from './events.js';
import { NotifyError } from './errors.js';

/**
 * Message-ID scheme that makes every notification about a ticket one mail thread:
 * the ticket's root id is `<ticket-<id>@host>`; each message is `<ticket-<id>-<event>-<uuid>@host>` and
 * refers to the root through In-Reply-To and References. A reply to any of them names the ticket.
 */
const TICKET_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const HOST = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$/;
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

export function checkTicketId(ticketId: string): string {
  if (!TICKET_ID.test(ticketId)) {
    throw new NotifyError('invalid_template_data', `ticket id ${JSON.stringify(ticketId)} cannot go into a Message-ID; use letters, digits, ".", "_" or "-".`);
  }
  return ticketId;
}

export function checkHost(host: string): string {
  if (!HOST.test(host)) {
    throw new NotifyError('invalid_mail_config', `${JSON.stringify(host)} is not a host name for Message-IDs; give one such as "desk.example.com".`);
  }
  return host.toLowerCase();
}

/** The domain of an address like `Support <help@desk.example.com>` or `help@desk.example.com`. */
export function hostOfAddress(address: string): string | null {
  const match = /@([^>\s]+)>?\s*$/.exec(address.trim());
  return match?.[1] ? match[1].toLowerCase() : null;
}

export function rootMessageId(ticketId: string, host: string): string {
  return `<ticket-${checkTicketId(ticketId)}@${checkHost(host)}>`;
}

/**
 * A UUID derived from `key` (name-based, SHA-256, version 8 layout): the same outbox message gets the
 * same Message-ID however often it is handed to the SMTP server, so receivers see one message.
 */
export function stableUuid(key: string): string {
  const hex = createHash('sha256').update(key).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function eventMessageId(ticketId: string, event: NotifyEvent, host: string, uuid: string = randomUUID()): string {
  return `<ticket-${checkTicketId(ticketId)}-${event}-${uuid}@${checkHost(host)}>`;
}

const ID_PATTERN = new RegExp(`^<?ticket-([A-Za-z0-9][A-Za-z0-9._-]*?)(?:-(?:${NOTIFY_EVENTS.join('|')})-${UUID})?@([^>\\s]+)>?$`, 'i');

/** The ticket id in one of our Message-IDs, or null when the id is not ours (another host or another shape). */
export function ticketIdFromMessageId(messageId: string, host: string): string | null {
  const match = ID_PATTERN.exec(messageId.trim());
  if (!match?.[1] || !match[2]) return null;
  return match[2].toLowerCase() === host.toLowerCase() ? match[1] : null;
}

/** Splits a References or In-Reply-To header value into its ids. */
export function splitMessageIds(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  const joined = Array.isArray(value) ? value.join(' ') : value;
  return joined.match(/<[^<>\s]+>/g) ?? joined.split(/\s+/).filter((id) => id !== '');
}
