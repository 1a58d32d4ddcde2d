import type { Kysely } from 'kysely';
import { type Actor, isStaff } from '../auth/actor.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors.js';
import type { AppDeps } from '../http/deps.js';
import { getVisibleTicket, recordEvent } from './access.js';
import { statusAfterCustomerReply } from './domain/index.js';
import { presentComment } from './present.js';
import { changeStatus, refreshClocks } from './refresh.js';
import { unwrap } from './rules.js';
import type { CommentJson, CreateCommentInput } from './schemas.js';
import { afterPublicReply } from './hooks.js';

type Db = Kysely<Database>;

/**
 * Adds a reply or an internal note. A customer's reply reopens a pending, on-hold or solved ticket;
 * an agent's first public reply meets the first-response target and opens a new ticket. The
 * ticket's clocks and timers are recomputed, and the other side is notified, in the same transaction.
 */
export async function addComment(deps: AppDeps, db: Db, actor: Actor, ticketId: string, input: CreateCommentInput): Promise<CommentJson> {
  const now = deps.clock.now();
  let ticket = await getVisibleTicket(db, actor, ticketId, true);
  const staff = isStaff(actor);
  if (!staff && !input.public) {
    throw new AppError('forbidden', 'Internal notes are for staff; customers reply publicly (leave "public" out or set it to true).');
  }
  if (ticket.status === 'closed') {
    throw new AppError('ticket_closed', undefined, [{ path: 'body', message: 'This ticket is closed and takes no more replies; open a follow-up ticket that refers to it.' }]);
  }
  const comment = await db
    .insertInto('ticket_comments')
    .values({
      ticket_id: ticket.id,
      author_id: actor.userId,
      public: input.public,
      body: input.body,
      channel: input.channel ?? (actor.via === 'token' ? 'api' : 'web'),
      created_at: new Date(now),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordEvent(db, {
    ticketId: ticket.id,
    actorId: actor.userId,
    type: input.public ? 'reply_added' : 'internal_note_added',
    after: { comment_id: comment.id, public: input.public },
    at: now,
  });
  if (!staff) {
    const next = unwrap(statusAfterCustomerReply(ticket.status), 'body');
    if (next !== ticket.status) ticket = await changeStatus(db, actor, ticket, next, now);
  } else if (input.public && ticket.status === 'new') {
    ticket = await changeStatus(db, actor, ticket, 'open', now);
  }
  await refreshClocks(deps, db, ticket);
  if (input.public) await afterPublicReply(deps, db, actor, ticket, comment);
  return presentComment(comment, actor.role);
}

/** The ticket's conversation, oldest first; customers never see internal notes. */
export async function listComments(db: Db, actor: Actor, ticketId: string): Promise<CommentJson[]> {
  const ticket = await getVisibleTicket(db, actor, ticketId);
  let query = db
    .selectFrom('ticket_comments')
    .leftJoin('users', 'users.id', 'ticket_comments.author_id')
    .selectAll('ticket_comments')
    .select('users.role as author_role')
    .where('ticket_comments.ticket_id', '=', ticket.id);
  if (!isStaff(actor)) query = query.where('ticket_comments.public', '=', true);
  const rows = await query.orderBy('ticket_comments.created_at').orderBy('ticket_comments.id').execute();
  return rows.map(({ author_role, ...comment }) => presentComment(comment, author_role));
}
