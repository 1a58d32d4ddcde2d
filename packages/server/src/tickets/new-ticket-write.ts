import { sql, type Insertable, type Kysely } from 'kysely';
import { isUniqueViolation } from '../db/errors.js';
import type { Database } from '../db/schema.js';
import { SessionUnavailableError, WriteBatcher, WriteOutcomeUnknownError } from '../db/write-batcher.js';
import { AppError } from '../errors.js';
import { decideInTurn, needsTurn, type RoutingDecision, type RoutingInput } from '../routing/index.js';

/** Everything a new ticket writes: the ticket, its audit entries, SLA targets, timers and notifications. */
export interface NewTicketRows {
  ticket: Insertable<Database['tickets']> & { id: string };
  events: Insertable<Database['ticket_events']>[];
  targets: Insertable<Database['sla_targets']>[];
  timers: Insertable<Database['timers']>[];
  notifications: Insertable<Database['notification_events']>[];
  /**
   * The record of the request's Idempotency-Key, written by the same statement so it commits with the
   * ticket or not at all. Its `response_body` (JSON text) gets the ticket's number under `number`.
   */
  record?: Insertable<Database['idempotency_keys']>;
}

/** A ticket to open: whom routing may give it to, and its rows once routing has decided. */
export interface NewTicket {
  id: string;
  /** Whom routing may choose (null: the assignee was named, nothing is routed). */
  routing: RoutingInput | null;
  /** When it is opened (routing weighs who is at work then). */
  at: number;
  /** The rows to write, given routing's decision (null when nothing was routed). */
  rows(route: RoutingDecision | null): NewTicketRows;
}

/** What was written for a new ticket: its number, and whom it went to. */
export interface WrittenTicket {
  number: number;
  assignee_id: string | null;
  team_id: string | null;
}

/**
 * Routes and writes new tickets, answering what each got, in the order given. When a ticket goes to the
 * least-loaded person of a team, routing is decided under the team's lock in a transaction with the
 * write, counting the tickets before it (see {@link decideInTurn}); otherwise one statement writes them
 * all, which is atomic on its own and needs no explicit transaction.
 */
export async function writeNewTickets(db: Kysely<Database>, tickets: readonly NewTicket[]): Promise<WrittenTicket[]> {
  const requests = tickets.map((t) => (t.routing === null ? null : { input: t.routing, at: t.at }));
  const write = async (q: Kysely<Database>) => {
    const routes = await decideInTurn(q, requests);
    return insertTickets(q, tickets.map((t, i) => t.rows(routes[i]!)));
  };
  return !db.isTransaction && needsTurn(requests) ? db.transaction().execute(write) : write(db);
}

/** Writes the rows of new tickets with one statement and answers what each got, in order. */
async function insertTickets(db: Kysely<Database>, tickets: readonly NewTicketRows[]): Promise<WrittenTicket[]> {
  const events = tickets.flatMap((t) => t.events);
  const targets = tickets.flatMap((t) => t.targets);
  const timers = tickets.flatMap((t) => t.timers);
  const notifications = tickets.flatMap((t) => t.notifications);
  let insert = db
    .with('t', (q) => q.insertInto('tickets').values(tickets.map((t) => t.ticket)).returning(['id', 'number', 'assignee_id', 'team_id']))
    .with('e', (q) => q.insertInto('ticket_events').values(events));
  if (targets.length > 0) insert = insert.with('s', (q) => q.insertInto('sla_targets').values(targets)) as unknown as typeof insert;
  if (timers.length > 0) insert = insert.with('m', (q) => q.insertInto('timers').values(timers)) as unknown as typeof insert;
  if (notifications.length > 0) insert = insert.with('n', (q) => q.insertInto('notification_events').values(notifications)) as unknown as typeof insert;
  // Keys recorded twice (a retry, or two requests with one key in the same batch) fail the statement on
  // the key's unique index, so nothing of it is written.
  const records = tickets.flatMap((t) => (t.record ? [{ ...t.record, ticket_id: t.ticket.id, response_body: JSON.parse(String(t.record.response_body)) as unknown }] : []));
  if (records.length > 0) insert = insert.with('k', () => recordKeys(records) as never) as unknown as typeof insert;
  const rows = await insert.selectFrom('t').selectAll().execute();
  const written = new Map(rows.map((row) => [row.id, { number: Number(row.number), assignee_id: row.assignee_id, team_id: row.team_id }]));
  return tickets.map((t) => {
    const ticket = written.get(t.ticket.id);
    if (ticket === undefined) throw new Error(`ticket ${t.ticket.id} was not written`);
    return ticket;
  });
}

/** Inserts Idempotency-Key records, each with the number its ticket got in the `t` part of the statement. */
function recordKeys(records: readonly object[]) {
  return sql`(
    insert into idempotency_keys (principal, key, method, path, request_hash, response_status, response_body, created_at)
    select v.principal, v.key, v.method, v.path, v.request_hash, v.response_status, jsonb_set(v.response_body, '{number}', to_jsonb(t.number)), v.created_at
    from jsonb_to_recordset(${JSON.stringify(records)}::jsonb)
      as v(ticket_id uuid, principal text, key text, method text, path text, request_hash text, response_status integer, response_body jsonb, created_at timestamptz)
    join t on t.id = v.ticket_id)`;
}

/**
 * Writes one ticket whose earlier write has an unknown outcome, without ever writing it twice: its id
 * is the table's key, so a second copy is refused (and waits for the first write if that is still
 * running), and then the committed one is read back.
 */
export async function settleNewTicket(db: Kysely<Database>, ticket: NewTicket): Promise<WrittenTicket> {
  try {
    return (await writeNewTickets(db, [ticket]))[0]!;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const row = await db.selectFrom('tickets').select(['number', 'assignee_id', 'team_id']).where('id', '=', ticket.id).executeTakeFirst();
    if (!row) throw error;
    return { number: Number(row.number), assignee_id: row.assignee_id, team_id: row.team_id };
  }
}

/**
 * True when the database refused the write and rolled it back: an error about the data or the statement
 * (SQLSTATE classes 22, 23, 42 and 54), or a transaction rolled back for a serialization failure or a
 * deadlock. A lost connection, a server shutting down, "statement completion unknown" (40003) or
 * anything without such a code leaves it open whether the write committed.
 */
export function wroteNothing(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (/^(22|23|42|54)[0-9A-Z]{3}$/.test(code) || ['40001', '40002', '40P01'].includes(code));
}

const batchers = new WeakMap<Kysely<Database>, WriteBatcher<Kysely<Database>, NewTicket, WrittenTicket>>();

/**
 * Routes and writes one new ticket and answers what it got. Inside a transaction it is written at once,
 * in that transaction; otherwise tickets opened at the same moment share one statement (group commit,
 * see {@link WriteBatcher}), and each caller is answered once the statement holding its ticket has
 * committed. When the database cannot be reached, or the connection is lost and whether the ticket was
 * written cannot be found out, the caller gets a 503 that says which.
 */
export async function writeNewTicket(db: Kysely<Database>, ticket: NewTicket): Promise<WrittenTicket> {
  if (db.isTransaction) return (await writeNewTickets(db, [ticket]))[0]!;
  let batcher = batchers.get(db);
  if (!batcher) {
    batcher = new WriteBatcher({
      session: (use) => db.connection().execute(use),
      write: (connection, items) => writeNewTickets(connection, items),
      wroteNothing,
      settle: (item) => settleNewTicket(db, item),
    });
    batchers.set(db, batcher);
  }
  return batcher.submit(ticket).catch((error: unknown) => {
    throw asServiceError(error);
  });
}

function asServiceError(error: unknown): unknown {
  if (error instanceof SessionUnavailableError) {
    return new AppError('database_unavailable', 'The database cannot be reached right now, so the ticket was not opened; try again shortly.');
  }
  if (error instanceof WriteOutcomeUnknownError) {
    return new AppError(
      'database_unavailable',
      'The connection to the database was lost while the ticket was being saved, and it cannot be checked now whether it was opened. ' +
        'Look for it in the ticket list before opening it again; a request sent with an Idempotency-Key can be repeated safely with the same key.',
      undefined,
      { id: 'error.ticket.saveUnknown' },
    );
  }
  return error;
}
