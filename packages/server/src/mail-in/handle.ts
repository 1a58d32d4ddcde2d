import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { Database, Role } from '../db/schema.js';
import { AppError } from '../errors.js';
import type { AppDeps } from '../http/deps.js';
import { suspendMail } from './suspend.js';
import type { InboundAuthenticator } from '../notify/inbound-auth.js';
import { InboundRejection, interpretInbound, type InboundMessage, type InboundNewTicket, type InboundReply } from '../notify/index.js';
import { getVisibleTicket } from '../tickets/access.js';
import { addComment } from '../tickets/comments.js';
import { createTicket } from '../tickets/create.js';
import { CreateTicketBody } from '../tickets/schemas.js';
import { mailContent, storeMailAttachments } from './attachments.js';

export type InboundOutcome =
  | { kind: 'ticket_created'; ticketId: string }
  | { kind: 'reply_added'; ticketId: string }
  | { kind: 'suspended'; reviewId: string; reason: string }
  | { kind: 'duplicate' }
  | { kind: 'dropped'; reason: string };

export interface InboundMailSettings {
  /** The address mail must be sent to. */
  supportAddress: string;
  /** Decides whether the From address can be trusted (SPF, DKIM, DMARC or a trusted relay's results). */
  authenticate: InboundAuthenticator;
}

/**
 * Acts on one inbound email: a message from a known requester opens a ticket on the email channel;
 * a reply (by our thread headers or a `[#number]` subject tag) adds a public comment as its sender.
 * Only mail whose From address is authenticated (see `judgeMailAuth`) is acted on; other mail from a
 * known sender waits in the suspended-mail list with the reason, and is never taken as staff mail.
 * Attached files are stored on the ticket (tied to the reply) in the same transaction; a file over the
 * attachment limit is left out and the text says so.
 * A message already acted on (same Message-ID) is ignored; an unknown sender or ticket is refused
 * with an `InboundRejection` the sending server reports back. Automatic replies are dropped.
 */
export async function handleInboundMail(deps: AppDeps, settings: InboundMailSettings, message: InboundMessage): Promise<InboundOutcome> {
  const meaning = interpretInbound(message.parsed, { supportAddress: settings.supportAddress, envelopeTo: message.envelope.to });
  if (meaning.kind === 'rejected') {
    if (meaning.reason === 'automatic_reply' || meaning.reason === 'from_support_address') return { kind: 'dropped', reason: meaning.message };
    throw new InboundRejection(meaning.message);
  }
  const verdict = await settings.authenticate({
    raw: message.raw,
    parsed: message.parsed,
    remoteAddress: message.remoteAddress,
    helo: message.helo,
    envelopeFrom: message.envelope.from,
    fromAddress: meaning.from.address,
  });
  if (verdict.temporary) {
    // A DNS look-up failed for now: the sending server keeps the message and tries again (451).
    throw new InboundRejection(`The sender could not be verified for now (${verdict.reason}); please try again later.`, 451);
  }
  return deps.db.transaction().execute(async (trx) => {
    const actor = await senderActor(trx, meaning.from.address);
    if (await alreadyApplied(trx, meaning.messageId)) return { kind: 'duplicate' } as const;
    if (!verdict.authenticated) return suspendMail(deps, trx, { actor, meaning, message, reason: verdict.reason });
    return applyInbound(deps, trx, actor, meaning);
  });
}

/** Whether a message with this Message-ID was already acted on. */
export async function alreadyApplied(db: Kysely<Database>, messageId: string | null): Promise<boolean> {
  if (!messageId) return false;
  return (await db.selectFrom('inbound_messages').select('message_id').where('message_id', '=', messageId).executeTakeFirst()) !== undefined;
}

/**
 * Opens the ticket or adds the reply of an authenticated (or accepted) message as `actor`, with its
 * files, and records its Message-ID, in the caller's transaction. Throws `InboundRejection` with the
 * reason when it cannot be applied.
 */
export async function applyInbound(deps: AppDeps, db: Kysely<Database>, actor: Actor, meaning: InboundNewTicket | InboundReply): Promise<InboundOutcome & { ticketId: string }> {
  const outcome = meaning.kind === 'new_ticket' ? await openTicket(deps, db, actor, meaning) : await reply(deps, db, actor, meaning);
  if (meaning.messageId) {
    await db
      .insertInto('inbound_messages')
      .values({ message_id: meaning.messageId, provider_id: actor.providerId, ticket_id: outcome.ticketId, outcome: outcome.kind, received_at: new Date(deps.clock.now()) })
      .execute();
  }
  return outcome;
}

/** The active user with this address, as the actor of what their mail does; refused when unknown or ambiguous. */
export async function senderActor(db: Kysely<Database>, address: string): Promise<Actor> {
  const users = await db
    .selectFrom('users')
    .select(['id', 'provider_id', 'role', 'account_id'])
    .where((eb) => eb(eb.fn('lower', ['email']), '=', address.toLowerCase()))
    .where('active', '=', true)
    .execute();
  if (users.length !== 1) {
    throw new InboundRejection(
      users.length === 0
        ? `${address} is not a user of this support desk; ask your account's admin to add you, or write from the address you sign in with.`
        : `${address} belongs to several support desks here; use the web portal to file your request.`,
    );
  }
  const user = users[0]!;
  const account = user.account_id
    ? ((await db.selectFrom('accounts').select(['id', 'provider_id', 'pack_id', 'plan', 'languages', 'primary_manager_id', 'secondary_manager_id', 'team_id']).where('id', '=', user.account_id).executeTakeFirst()) ?? null)
    : null;
  return { userId: user.id, providerId: user.provider_id, role: user.role as Role, accountId: user.account_id, principal: `user:${user.id}`, via: 'session', account };
}

function refusal(error: unknown): never {
  if (error instanceof AppError) {
    const detail = error.issues?.map((i) => i.message).join(' ') ?? '';
    throw new InboundRejection(`${error.message}${detail && !error.message.includes(detail) ? ` ${detail}` : ''}`);
  }
  throw error;
}

async function openTicket(deps: AppDeps, db: Kysely<Database>, actor: Actor, mail: InboundNewTicket): Promise<InboundOutcome & { ticketId: string }> {
  if (actor.role !== 'customer') throw new InboundRejection('Staff cannot open tickets by email; open it in the agent console for the customer, or forward the customer\'s message from their address.');
  const content = mailContent(mail);
  const input = CreateTicketBody.safeParse({ subject: mail.subject.slice(0, 300), description: content.text, channel: 'email' });
  if (!input.success) throw new InboundRejection(`The email could not become a ticket: ${input.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const ticket = await createTicket(deps, db, actor, input.data).catch(refusal);
  await storeMailAttachments(deps, db, actor, ticket.id, null, content.files).catch(refusal);
  return { kind: 'ticket_created', ticketId: ticket.id };
}

async function reply(deps: AppDeps, db: Kysely<Database>, actor: Actor, mail: InboundReply): Promise<InboundOutcome & { ticketId: string }> {
  let ticketId: string | undefined;
  if (mail.matchedBy === 'thread_headers') {
    ticketId = mail.ticketId;
  } else {
    const found = await db
      .selectFrom('tickets')
      .innerJoin('accounts', 'accounts.id', 'tickets.account_id')
      .select('tickets.id')
      .where('tickets.number', '=', mail.ticketNumber)
      .where('accounts.provider_id', '=', actor.providerId)
      .executeTakeFirst();
    ticketId = found?.id;
  }
  const unknown = mail.matchedBy === 'subject_tag' ? `ticket #${mail.ticketNumber}` : 'the ticket this email replies to';
  if (!ticketId || !/^[0-9a-f-]{36}$/i.test(ticketId)) throw new InboundRejection(`There is no ${unknown} that ${mail.from.address} can see; write a new email (without the [#number] tag) to open a ticket.`);
  await getVisibleTicket(db, actor, ticketId).catch(() => {
    throw new InboundRejection(`There is no ${unknown} that ${mail.from.address} can see; write a new email (without the [#number] tag) to open a ticket.`);
  });
  const content = mailContent(mail);
  const comment = await addComment(deps, db, actor, ticketId, { body: content.text, public: true, channel: 'email' }).catch(refusal);
  await storeMailAttachments(deps, db, actor, ticketId, comment.id, content.files).catch(refusal);
  return { kind: 'reply_added', ticketId };
}
