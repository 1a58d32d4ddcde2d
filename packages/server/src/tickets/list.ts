import { sql, type ExpressionBuilder, type Kysely, type SelectQueryBuilder } from 'kysely';
import { type Actor, isStaff } from '../auth/actor.js';
import { TICKET_COLUMNS, type Database, type Ticket, type TicketStatus } from '../db/schema.js';
import { presentEscalation } from './escalation-present.js';
import { loadEscalations } from './escalations.js';
import type { AppDeps } from '../http/deps.js';
import { decodeInstantCursor, encodeCursor } from '../http/pagination.js';
import { getVisibleTicket } from './access.js';
import { targetsOf } from './clocks.js';
import { loadClockFacts } from './facts.js';
import { presentTicket } from './present.js';
import type { ListTicketsFilter, QueueFilter, TicketJson } from './schemas.js';

type Db = Kysely<Database>;
type TicketQuery = SelectQueryBuilder<Database & { t: Database['tickets'] }, 't' | 'accounts', Ticket>;

export const UNSOLVED: readonly TicketStatus[] = ['new', 'open', 'pending', 'on_hold'];
const NULL_KEY = '~';

/** One ticket with its targets as of now. */
export async function viewTicket(deps: AppDeps, actor: Actor, id: string): Promise<TicketJson> {
  const ticket = await getVisibleTicket(deps.db, actor, id);
  return (await presentMany(deps, [ticket]))[0]!;
}

/** Tickets the actor may see, newest first, filtered. */
export async function listTickets(deps: AppDeps, actor: Actor, filter: ListTicketsFilter) {
  let query = filtered(deps, actor, filter);
  if (filter.status) query = query.where('t.status', 'in', filter.status.split(',') as TicketStatus[]);
  const cursor = decodeInstantCursor(filter.cursor);
  if (cursor) {
    const key = cursor.key!;
    query = query.where((eb) => eb.or([eb('t.created_at', '<', key), eb.and([eb('t.created_at', '=', key), eb('t.id', '<', cursor.id)])]));
  }
  const rows = await query.orderBy('t.created_at', 'desc').orderBy('t.id', 'desc').limit(filter.limit + 1).execute();
  return page(deps, rows, filter.limit, (t) => ({ key: t.created_at.toISOString(), id: t.id }));
}

/** Unsolved tickets ordered by time to breach: the most overdue first, tickets with no running target last. */
export async function queue(deps: AppDeps, actor: Actor, filter: QueueFilter) {
  let query = filtered(deps, actor, filter).where('t.status', 'in', [...UNSOLVED]);
  const cursor = decodeInstantCursor(filter.cursor, NULL_KEY);
  if (cursor) {
    const key = cursor.key;
    if (key === null) {
      query = query.where('t.first_due_at', 'is', null).where('t.id', '>', cursor.id);
    } else {
      query = query.where((eb) =>
        eb.or([
          eb('t.first_due_at', '>', key),
          eb.and([eb('t.first_due_at', '=', key), eb('t.id', '>', cursor.id)]),
          eb('t.first_due_at', 'is', null),
        ]),
      );
    }
  }
  const rows = await query
    .orderBy(sql`t.first_due_at asc nulls last`)
    .orderBy('t.id')
    .limit(filter.limit + 1)
    .execute();
  return page(deps, rows, filter.limit, (t) => ({ key: t.first_due_at?.toISOString() ?? NULL_KEY, id: t.id }));
}

function filtered(deps: AppDeps, actor: Actor, filter: Omit<ListTicketsFilter, 'status'>): TicketQuery {
  let query = deps.db
    .selectFrom('tickets as t')
    .innerJoin('accounts', 'accounts.id', 't.account_id')
    .select(TICKET_COLUMNS.map((c) => `t.${c}` as const))
    .where('accounts.provider_id', '=', actor.providerId) as unknown as TicketQuery;
  if (!isStaff(actor)) query = query.where('t.account_id', '=', actor.accountId ?? '00000000-0000-0000-0000-000000000000');
  if (filter.account_id) query = query.where('t.account_id', '=', filter.account_id);
  if (filter.priority) query = query.where('t.priority', '=', filter.priority);
  if (filter.assignee_id === 'none') query = query.where('t.assignee_id', 'is', null);
  else if (filter.assignee_id) query = query.where('t.assignee_id', '=', filter.assignee_id);
  if (filter.q) query = query.where(matches(filter.q, isStaff(actor)));
  if (filter.breach) query = query.where(breachIs(filter.breach, new Date(deps.clock.now())));
  return query;
}

type Eb = ExpressionBuilder<Database & { t: Database['tickets'] }, 't' | 'accounts'>;

/** Full-text match in the subject and description, or in a comment the actor may read. */
function matches(q: string, staff: boolean) {
  return (eb: Eb) => {
    const query = sql`websearch_to_tsquery('simple', ${q})`;
    let comments = eb
      .selectFrom('ticket_comments as c')
      .select(sql.lit(1).as('one'))
      .whereRef('c.ticket_id', '=', 't.id')
      .where(sql<boolean>`c.search @@ ${query}`);
    if (!staff) comments = comments.where('c.public', '=', true);
    return eb.or([eb(sql<boolean>`t.search @@ ${query}`, '=', true), eb.exists(comments)]);
  };
}

function breachIs(state: NonNullable<ListTicketsFilter['breach']>, now: Date) {
  return (eb: Eb) => {
    const targets = () => eb.selectFrom('sla_targets as s').select(sql.lit(1).as('one')).whereRef('s.ticket_id', '=', 't.id');
    const breached = eb.exists(
      targets().where((e) => e.or([e('s.state', '=', 'breached'), e.and([e('s.state', '=', 'active'), e('s.due_at', '<=', now)])])),
    );
    const atRisk = eb.exists(targets().where('s.state', '=', 'active').where('s.warning_at', '<=', now).where('s.due_at', '>', now));
    const running = eb.exists(targets().where('s.state', 'in', ['active', 'paused']));
    switch (state) {
      case 'breached':
        return breached;
      case 'at_risk':
        return eb.and([atRisk, eb.not(breached)]);
      case 'on_track':
        return eb.and([running, eb.not(breached), eb.not(atRisk)]);
      case 'none':
        return eb.and([eb.not(running), eb.not(breached)]);
    }
  };
}

async function page(deps: AppDeps, rows: Ticket[], limit: number, cursorOf: (t: Ticket) => { key: string; id: string }) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: await presentMany(deps, items),
    next_cursor: rows.length > limit && last !== undefined ? encodeCursor(cursorOf(last)) : null,
  };
}

/** Presents tickets with their live targets, reading the clock facts of all of them at once. */
export async function presentMany(deps: AppDeps, tickets: Ticket[]): Promise<TicketJson[]> {
  const now = deps.clock.now();
  const ids = tickets.map((t) => t.id);
  const [facts, escalations] = await Promise.all([loadClockFacts(deps.db, ids), loadEscalations(deps.db, ids)]);
  return tickets.map((t) => ({
    ...presentTicket(t, targetsOf(deps.registry, t, facts.get(t.id)!, now)),
    escalations: escalations.get(t.id)!.map((e) => presentEscalation(deps.registry, t, e, now)),
  }));
}
