import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { WriteBatcher } from '../db/write-batcher.js';

/** Everything a new ticket writes: the ticket, its audit entries, SLA targets, timers and notifications. */
export interface NewTicketRows {
  ticket: Insertable<Database['tickets']> & { id: string };
  events: Insertable<Database['ticket_events']>[];
  targets: Insertable<Database['sla_targets']>[];
  timers: Insertable<Database['timers']>[];
  notifications: Insertable<Database['notification_events']>[];
}

/**
 * Writes new tickets with all their rows in one statement (atomic on its own, so it needs no explicit
 * transaction) and answers their numbers in the order given (the rest of each row is the caller's).
 */
export async function writeNewTickets(db: Kysely<Database>, tickets: readonly NewTicketRows[]): Promise<number[]> {
  const events = tickets.flatMap((t) => t.events);
  const targets = tickets.flatMap((t) => t.targets);
  const timers = tickets.flatMap((t) => t.timers);
  const notifications = tickets.flatMap((t) => t.notifications);
  let insert = db
    .with('t', (q) => q.insertInto('tickets').values(tickets.map((t) => t.ticket)).returning(['id', 'number']))
    .with('e', (q) => q.insertInto('ticket_events').values(events));
  if (targets.length > 0) insert = insert.with('s', (q) => q.insertInto('sla_targets').values(targets)) as unknown as typeof insert;
  if (timers.length > 0) insert = insert.with('m', (q) => q.insertInto('timers').values(timers)) as unknown as typeof insert;
  if (notifications.length > 0) insert = insert.with('n', (q) => q.insertInto('notification_events').values(notifications)) as unknown as typeof insert;
  const rows = await insert.selectFrom('t').selectAll().execute();
  const numbers = new Map(rows.map((row) => [row.id, Number(row.number)]));
  return tickets.map((t) => {
    const number = numbers.get(t.ticket.id);
    if (number === undefined) throw new Error(`ticket ${t.ticket.id} was not written`);
    return number;
  });
}

const batchers = new WeakMap<Kysely<Database>, WriteBatcher<Kysely<Database>, NewTicketRows, number>>();

/**
 * Writes one new ticket and answers its number. Inside a transaction it is written at once, in that transaction; otherwise
 * tickets opened at the same moment share one statement (group commit, see {@link WriteBatcher}), and
 * each caller is answered once the statement holding its ticket has committed.
 */
export async function writeNewTicket(db: Kysely<Database>, rows: NewTicketRows): Promise<number> {
  if (db.isTransaction) return (await writeNewTickets(db, [rows]))[0]!;
  let batcher = batchers.get(db);
  if (!batcher) {
    batcher = new WriteBatcher({
      session: (use) => db.connection().execute(use),
      write: (connection, items) => writeNewTickets(connection, items),
    });
    batchers.set(db, batcher);
  }
  return batcher.submit(rows);
}
