import type { Kysely } from 'kysely';
import { type Actor, isStaff } from '../auth/actor.js';
import { TICKET_COLUMNS, type Database, type Ticket } from '../db/schema.js';
import { notFound } from '../errors.js';
import type { Actor as RuleActor } from './domain/index.js';

/**
 * A ticket the actor may see: staff see their provider's tickets, a customer only their own
 * account's. Any other id is "not found", so nothing leaks about other tenants. With `lock`, the
 * row is locked for the rest of the transaction so that commands on one ticket run one at a time.
 */
export async function getVisibleTicket(db: Kysely<Database>, actor: Actor, id: string, lock = false): Promise<Ticket> {
  let query = db
    .selectFrom('tickets')
    .innerJoin('accounts', 'accounts.id', 'tickets.account_id')
    .select(TICKET_COLUMNS.map((c) => `tickets.${c}` as const))
    .where('tickets.id', '=', id)
    .where('accounts.provider_id', '=', actor.providerId);
  if (!isStaff(actor)) query = query.where('tickets.account_id', '=', actor.accountId ?? '00000000-0000-0000-0000-000000000000');
  const ticket = await (lock ? query.forUpdate('tickets') : query).executeTakeFirst();
  if (!ticket) throw notFound('ticket');
  return ticket;
}

/** Who the ticket rules see in the caller: the requester's side or the provider's agents. */
export const ruleActorOf = (actor: Actor): RuleActor => (isStaff(actor) ? 'agent' : 'customer');

/** Appends one entry to the ticket's audit history. */
export async function recordEvent(
  db: Kysely<Database>,
  event: { ticketId: string; actorId: string | null; type: string; before?: unknown; after?: unknown; reason?: string | null; at: number },
): Promise<void> {
  await db
    .insertInto('ticket_events')
    .values({
      ticket_id: event.ticketId,
      actor_id: event.actorId,
      type: event.type,
      before: event.before === undefined ? null : JSON.stringify(event.before),
      after: event.after === undefined ? null : JSON.stringify(event.after),
      reason: event.reason ?? null,
      at: new Date(event.at),
    })
    .execute();
}
