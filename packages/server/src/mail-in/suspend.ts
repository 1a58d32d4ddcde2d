import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/schema.js';
import type { AppDeps } from '../http/deps.js';
import type { InboundMessage, InboundNewTicket, InboundReply } from '../notify/index.js';

/** What the listener knew about a message that failed authentication. */
export interface SuspendInput {
  /** The user its From address belongs to. */
  actor: Actor;
  meaning: InboundNewTicket | InboundReply;
  message: InboundMessage;
  /** Why it was not trusted, in words. */
  reason: string;
}

/**
 * Puts a message that failed authentication on the provider's suspended-mail list, in the caller's
 * transaction, with its raw bytes so that accepting it can apply it later. A copy already waiting
 * (same Message-ID) is not added twice.
 */
export async function suspendMail(
  deps: AppDeps,
  db: Kysely<Database>,
  input: SuspendInput,
): Promise<{ kind: 'suspended'; reviewId: string; reason: string } | { kind: 'duplicate' }> {
  const { actor, meaning, message } = input;
  const subject = (message.parsed.subject ?? '').replace(/\s+/g, ' ').trim().slice(0, 300) || '(no subject)';
  const row = await db
    .insertInto('mail_review')
    .values({
      provider_id: actor.providerId,
      message_id: meaning.messageId,
      from_address: meaning.from.address,
      from_name: meaning.from.name?.slice(0, 200) ?? null,
      subject,
      sender_id: actor.userId,
      sender_role: actor.role,
      kind: meaning.kind,
      reason: input.reason.slice(0, 2000),
      remote_address: message.remoteAddress,
      envelope_from: message.envelope.from,
      envelope_to: JSON.stringify(message.envelope.to),
      raw: message.raw,
      size: message.raw.length,
      received_at: new Date(deps.clock.now()),
    })
    .onConflict((oc) => oc.columns(['provider_id', 'message_id']).where('message_id', 'is not', null).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row ? { kind: 'suspended', reviewId: row.id, reason: input.reason } : { kind: 'duplicate' };
}
