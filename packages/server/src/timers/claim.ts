import { sql, type Transaction } from 'kysely';
import { type Timer, type TimerDb, type TimerRow, toTimer } from './schema.js';

const COLUMNS = sql.raw('id, kind, subject_type, subject_id, key, due_at, payload, state, attempts, locked_by, locked_until, lease_token, fired_at, last_error');

/**
 * Locks up to `limit` due pending timers of the given kinds for the rest of the transaction, skipping
 * rows another worker holds. The caller runs the handlers and settles the rows before committing; if
 * the process dies first, the database rolls the transaction back and the timers are due again.
 */
export async function lockDue(trx: Transaction<any>, kinds: readonly string[], now: number, limit: number): Promise<Timer[]> {
  const result = await sql<TimerRow>`
    select ${COLUMNS} from timers
    where state = 'pending' and due_at <= ${new Date(now)} and kind in (${sql.join(kinds)})
    order by due_at
    limit ${limit}
    for update skip locked`.execute(trx);
  return result.rows.map(toTimer);
}

/**
 * Marks timers fired, in the transaction that ran their handlers. A timer its own handler scheduled
 * anew (another due time or payload: a breach re-checked against a due time that has since moved)
 * stays armed for that.
 */
export async function markFired(trx: Transaction<any>, timers: readonly Pick<Timer, 'id' | 'dueAt' | 'payload'>[], now: number): Promise<void> {
  if (timers.length === 0) return;
  // Payloads are written from JSON text and read back parsed, so the text of the parsed value compares equal.
  const payloads = timers.map((t) => (t.payload === undefined ? '{}' : JSON.stringify(t.payload)));
  await sql`
    update timers t set state = 'done', fired_at = ${new Date(now)}, attempts = attempts + 1, last_error = null,
      locked_by = null, locked_until = null, lease_token = null, updated_at = ${new Date(now)}
    from unnest(${timers.map((t) => t.id)}::uuid[], ${timers.map((t) => t.dueAt)}::float8[], ${payloads}::text[]) as m(id, due_ms, payload)
    where t.id = m.id and abs(extract(epoch from t.due_at) * 1000 - m.due_ms) < 1 and t.payload = m.payload::jsonb`.execute(trx);
}

/** Records a failed attempt of a timer that ran in a transaction: retried later, or dead. */
export async function markFailedLocked(trx: Transaction<any>, id: string, next: { state: 'pending' | 'dead'; dueAt: number | null }, error: string, now: number): Promise<void> {
  await sql`
    update timers set state = ${next.state}, attempts = attempts + 1, last_error = ${error},
      due_at = coalesce(${next.dueAt === null ? null : new Date(next.dueAt)}::timestamptz, due_at), updated_at = ${new Date(now)}
    where id = ${id}`.execute(trx);
}

/**
 * Takes a lease on up to `limit` timers of the given kinds: due pending ones, and running ones whose
 * lease has lapsed (their worker stopped). The lease is committed at once; the handler then runs
 * outside any transaction and settles the timer with `settleLeased` while the lease token matches.
 */
export async function leaseDue(
  db: TimerDb,
  options: { kinds: readonly string[]; now: number; limit: number; workerId: string; leaseMs: number },
): Promise<(Timer & { leaseToken: string })[]> {
  const now = new Date(options.now);
  const kinds = sql.join(options.kinds);
  const result = await sql<TimerRow>`
    update timers t set state = 'running', attempts = t.attempts + 1, locked_by = ${options.workerId},
      locked_until = ${new Date(options.now + options.leaseMs)}, lease_token = gen_random_uuid(), updated_at = ${now}
    from (
      select id from timers
      where ((state = 'pending' and due_at <= ${now}) or (state = 'running' and locked_until <= ${now}))
        and kind in (${kinds})
      order by coalesce(locked_until, due_at)
      limit ${options.limit}
      for update skip locked
    ) c
    where t.id = c.id
    returning ${sql.raw('t.id, t.kind, t.subject_type, t.subject_id, t.key, t.due_at, t.payload, t.state, t.attempts, t.locked_by, t.locked_until, t.lease_token, t.fired_at, t.last_error')}`.execute(db);
  return result.rows.map((row) => ({ ...toTimer(row), leaseToken: row.lease_token! }));
}

/**
 * Settles a leased timer: fired, retried later, or dead. Does nothing (returns false) when the lease
 * was lost meanwhile (it lapsed and another worker took the timer, or the timer was moved or cancelled).
 */
export async function settleLeased(
  db: TimerDb,
  id: string,
  leaseToken: string,
  outcome: { state: 'done' } | { state: 'pending' | 'dead'; dueAt: number | null; error: string },
  now: number,
): Promise<boolean> {
  const at = new Date(now);
  const result =
    outcome.state === 'done'
      ? await sql`
          update timers set state = 'done', fired_at = ${at}, last_error = null, locked_by = null, locked_until = null, lease_token = null, updated_at = ${at}
          where id = ${id} and lease_token = ${leaseToken} and state = 'running'`.execute(db)
      : await sql`
          update timers set state = ${outcome.state}, last_error = ${outcome.error}, locked_by = null, locked_until = null, lease_token = null,
            due_at = coalesce(${outcome.dueAt === null ? null : new Date(outcome.dueAt)}::timestamptz, due_at), updated_at = ${at}
          where id = ${id} and lease_token = ${leaseToken} and state = 'running'`.execute(db);
  return Number(result.numAffectedRows ?? 0) === 1;
}

/**
 * Settles leased timers as fired, each while its lease token matches (as {@link settleLeased} does for
 * one), with one statement. Answers the ids of those settled; the others' leases were lost meanwhile.
 */
export async function settleLeasedDone(db: TimerDb, timers: readonly { id: string; leaseToken: string }[], now: number): Promise<string[]> {
  if (timers.length === 0) return [];
  const at = new Date(now);
  const result = await sql<{ id: string }>`
    update timers t set state = 'done', fired_at = ${at}, last_error = null, locked_by = null, locked_until = null, lease_token = null, updated_at = ${at}
    from unnest(${timers.map((t) => t.id)}::uuid[], ${timers.map((t) => t.leaseToken)}::uuid[]) as s(id, lease_token)
    where t.id = s.id and t.lease_token = s.lease_token and t.state = 'running'
    returning t.id`.execute(db);
  return result.rows.map((row) => row.id);
}
