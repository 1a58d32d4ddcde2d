import type { AddressObject, ParsedMail } from 'mailparser';
import { hostOfAddress, splitMessageIds, ticketIdFromMessageId } from './threading.js';
import { stripQuotedReply } from './quoted-text.js';

export interface InboundSender {
  address: string;
  name: string | null;
}

export interface InboundAttachment {
  filename: string;
  contentType: string;
  size: number;
  inline: boolean;
  content: Buffer;
}

interface InboundCommon {
  from: InboundSender;
  subject: string;
  /** The sender's Message-ID, to drop a message delivered twice. */
  messageId: string | null;
  attachments: InboundAttachment[];
}

/** A message that opens a ticket (if the server knows the sender as a requester). */
export interface InboundNewTicket extends InboundCommon {
  kind: 'new_ticket';
  text: string;
}

/** A reply to a ticket, found by our thread headers (`ticketId`) or by a `[#123]` subject tag (`ticketNumber`). */
export type InboundReply = InboundCommon & { kind: 'reply'; text: string } & (
    | { matchedBy: 'thread_headers'; ticketId: string }
    | { matchedBy: 'subject_tag'; ticketNumber: number }
  );

export type InboundRejectReason = 'no_sender' | 'not_addressed_to_support' | 'from_support_address' | 'automatic_reply';

/** A message to drop (and log) rather than act on. */
export interface InboundRejected {
  kind: 'rejected';
  reason: InboundRejectReason;
  message: string;
}

export type InboundInterpretation = InboundNewTicket | InboundReply | InboundRejected;

export interface InterpretOptions {
  /** The support address (or its aliases) that mail must be sent to. */
  supportAddress: string | string[];
  /** Host of our Message-IDs; defaults to the domain of the first support address. */
  messageIdHost?: string;
  /** The SMTP envelope recipients; when given they decide whether the mail was for support, not the To/Cc headers. */
  envelopeTo?: string[];
}

const SUBJECT_TAG = /\[#(\d{1,12})\]/;
const REPLY_PREFIX = /^\s*(?:(?:re|fw|fwd|aw|sv|wg)\s*:\s*)+/i;

function addresses(value: AddressObject | AddressObject[] | undefined): string[] {
  const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return list.flatMap((object) => object.value.flatMap((entry) => (entry.address ? [entry.address.toLowerCase()] : [])));
}

function headerText(parsed: ParsedMail, name: string): string | null {
  const value = parsed.headers.get(name);
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first.trim().toLowerCase() : null;
}

function isAutomatic(parsed: ParsedMail): boolean {
  const submitted = headerText(parsed, 'auto-submitted');
  if (submitted !== null && submitted !== 'no') return true;
  const precedence = headerText(parsed, 'precedence');
  return precedence !== null && /^(bulk|junk|list|auto_reply)$/.test(precedence);
}

/** Decides what an inbound email means for the desk. Pure: the caller looks up the requester and the ticket. */
export function interpretInbound(parsed: ParsedMail, options: InterpretOptions): InboundInterpretation {
  const support = (Array.isArray(options.supportAddress) ? options.supportAddress : [options.supportAddress]).map((a) => a.toLowerCase());
  const host = options.messageIdHost ?? hostOfAddress(support[0] ?? '') ?? '';
  const sender = parsed.from?.value.find((entry) => entry.address);
  if (!sender?.address) {
    return { kind: 'rejected', reason: 'no_sender', message: 'The message has no From address, so it cannot be tied to a requester.' };
  }
  const from: InboundSender = { address: sender.address.toLowerCase(), name: sender.name || null };
  if (support.includes(from.address)) {
    return { kind: 'rejected', reason: 'from_support_address', message: `The message comes from the support address ${from.address} itself; dropped to avoid a mail loop.` };
  }
  if (isAutomatic(parsed)) {
    return { kind: 'rejected', reason: 'automatic_reply', message: `The message from ${from.address} is an automatic reply (Auto-Submitted or Precedence header); dropped to avoid a mail loop.` };
  }
  const recipients = options.envelopeTo?.map((a) => a.toLowerCase()) ?? [...addresses(parsed.to), ...addresses(parsed.cc)];
  if (!recipients.some((address) => support.includes(address))) {
    return { kind: 'rejected', reason: 'not_addressed_to_support', message: `The message is not addressed to ${support.join(' or ')}.` };
  }

  const common: InboundCommon = {
    from,
    subject: (parsed.subject ?? '').replace(/\s+/g, ' ').trim(),
    messageId: parsed.messageId ?? null,
    attachments: parsed.attachments.map((attachment) => ({
      filename: attachment.filename ?? 'attachment',
      contentType: attachment.contentType,
      size: attachment.size,
      inline: attachment.contentDisposition === 'inline',
      content: attachment.content,
    })),
  };
  const text = parsed.text ?? '';

  const threadIds = [...splitMessageIds(parsed.inReplyTo), ...splitMessageIds(parsed.references).reverse()];
  for (const id of threadIds) {
    const ticketId = ticketIdFromMessageId(id, host);
    if (ticketId) return { kind: 'reply', matchedBy: 'thread_headers', ticketId, ...common, text: stripQuotedReply(text) };
  }
  const tag = SUBJECT_TAG.exec(common.subject);
  if (tag?.[1]) {
    return { kind: 'reply', matchedBy: 'subject_tag', ticketNumber: Number(tag[1]), ...common, text: stripQuotedReply(text) };
  }
  return { kind: 'new_ticket', ...common, subject: common.subject.replace(REPLY_PREFIX, '') || '(no subject)', text: text.trim() };
}
