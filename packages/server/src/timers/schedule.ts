import { sql } from 'kysely';
import { TimerError } from './errors.js';
import { type Timer, type TimerDb, type TimerRow, type TimerState, TIMER_STATES, toTimer } from './schema.js';
import { payloadJson, requireInstant, requireText } from './validate.js';

export interface ScheduleTimerInput {
  /** What fires, e.g. `pending_reminder`, `breach_warning:first_response`. Handlers are registered by kind. */
  kind: string;
  /** What the timer is about (`ticket` unless told). */
  subjectType?: string;
  subjectId: string;
  /** Tells apart several timers of one kind on one subject (e.g. the metric); `''` unless told. */
  key?: string;
  /** When it fires, epoch milliseconds. */
  dueAt: number;
  payload?: unknown;
  /** The service clock's now, for the bookkeeping columns; the database's clock when omitted. */
  now?: number;
}

export type ScheduleOutcome = 'created' | 'moved' | 'unchanged';

/**
 * Schedules a timer, idempotently: the same (kind, subjectId, key) is one timer. Scheduling it again
 * with another due time or payload moves it and arms it again (even when it already fired or was
 * cancelled); with the same due time and payload it is left as it is, so a retried request never
 * fires a timer twice. This is how reclassification, pause, resume and calendar changes re-target.
 *
 * @example
 * await scheduleTimer(trx, { kind: 'pending_reminder', subjectId: ticket.id, dueAt: remindAt, now: clock.now() });
 */
export async function scheduleTimer(db: TimerDb, input: ScheduleTimerInput): Promise<{ id: string; outcome: ScheduleOutcome }> {
  const kind = requireText(input.kind, 'kind', 200);
  const subjectType = requireText(input.subjectType ?? 'ticket', 'subjectType', 100);
  const subjectId = requireText(input.subjectId, 'subjectId', 200);
  const key = requireText(input.key ?? '', 'key', 200, true);
  const dueAt = requireInstant(input.dueAt, 'dueAt');
  const payload = payloadJson(input.payload);
  const now = input.now === undefined ? null : requireInstant(input.now, 'now');
  const result = await sql<{ id: string; inserted: boolean }>`
    insert into timers as t (kind, subject_type, subject_id, key, due_at, payload, created_at, updated_at)
    values (${kind}, ${subjectType}, ${subjectId}, ${key}, ${dueAt}, ${payload}::jsonb,
            coalesce(${now}::timestamptz, now()), coalesce(${now}::timestamptz, now()))
    on conflict (subject_id, kind, key) do update set
      subject_type = excluded.subject_type, due_at = excluded.due_at, payload = excluded.payload,
      state = 'pending', attempts = 0, locked_by = null, locked_until = null, lease_token = null,
      fired_at = null, last_error = null, updated_at = excluded.updated_at
    where t.due_at <> excluded.due_at or t.payload <> excluded.payload or t.state = 'cancelled'
    returning id, (xmax = 0) as inserted`.execute(db);
  const row = result.rows[0];
  if (row) return { id: row.id, outcome: row.inserted ? 'created' : 'moved' };
  const existing = await db
    .selectFrom('timers')
    .select('id')
    .where('kind', '=', kind)
    .where('subject_id', '=', subjectId)
    .where('key', '=', key)
    .executeTakeFirstOrThrow();
  return { id: existing.id as string, outcome: 'unchanged' };
}

export interface CancelTimersInput {
  subjectId: string;
  /** Only these kinds; every kind when omitted. */
  kinds?: readonly string[];
  /** Only these keys; every key when omitted. */
  keys?: readonly string[];
  now?: number;
}

/**
 * Cancels the subject's timers that have not fired (pending, or running under a lease: the running
 * worker's completion is then ignored). Returns how many were cancelled.
 *
 * @example
 * await cancelTimers(trx, { subjectId: ticket.id, kinds: ['pending_reminder', 'auto_solve'] });
 */
export async function cancelTimers(db: TimerDb, input: CancelTimersInput): Promise<number> {
  const subjectId = requireText(input.subjectId, 'subjectId', 200);
  const kinds = optionalList(input.kinds, 'kinds');
  const keys = optionalList(input.keys, 'keys');
  if (kinds?.length === 0 || keys?.length === 0) return 0;
  const now = input.now === undefined ? sql<Date>`now()` : requireInstant(input.now, 'now');
  let query = db
    .updateTable('timers')
    .set({ state: 'cancelled', locked_by: null, locked_until: null, lease_token: null, updated_at: now })
    .where('subject_id', '=', subjectId)
    .where('state', 'in', ['pending', 'running']);
  if (kinds) query = query.where('kind', 'in', kinds);
  if (keys) query = query.where('key', 'in', keys);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** A new due time for one timer, named by its id or by (kind, subjectId, key). */
export type TimerMove = { id: string; dueAt: number } | { kind: string; subjectId: string; key?: string; dueAt: number };

const MOVE_CHUNK = 20_000;

/**
 * Moves many pending timers at once (a calendar or holiday change re-targets every affected open
 * ticket): one set-based UPDATE per 20,000 moves. Timers that already fired, were cancelled or are
 * running are left alone; unknown ones are ignored. Returns how many moved. Run it in a transaction
 * to make the whole change atomic.
 */
export async function retargetTimers(db: TimerDb, moves: readonly TimerMove[], options: { now?: number } = {}): Promise<number> {
  const now = options.now === undefined ? null : requireInstant(options.now, 'now');
  let moved = 0;
  for (let start = 0; start < moves.length; start += MOVE_CHUNK) {
    const chunk = moves.slice(start, start + MOVE_CHUNK);
    const ids: string[] = [];
    const idDues: number[] = [];
    const kinds: string[] = [];
    const subjects: string[] = [];
    const keys: string[] = [];
    const dues: number[] = [];
    chunk.forEach((move, i) => {
      const at = `moves[${start + i}]`;
      const due = requireInstant(move?.dueAt, `${at}.dueAt`).getTime();
      if ('id' in move) {
        ids.push(requireText(move.id, `${at}.id`, 36));
        idDues.push(due);
      } else {
        kinds.push(requireText(move?.kind, `${at}.kind`, 200));
        subjects.push(requireText(move.subjectId, `${at}.subjectId`, 200));
        keys.push(requireText(move.key ?? '', `${at}.key`, 200, true));
        dues.push(due);
      }
    });
    const stamp = sql`coalesce(${now}::timestamptz, now())`;
    if (ids.length > 0) {
      const result = await sql`
        update timers t set due_at = to_timestamp(m.due_ms / 1000.0), updated_at = ${stamp}
        from unnest(${ids}::uuid[], ${idDues}::float8[]) as m(id, due_ms)
        where t.id = m.id and t.state = 'pending' and t.due_at <> to_timestamp(m.due_ms / 1000.0)`.execute(db);
      moved += Number(result.numAffectedRows ?? 0);
    }
    if (kinds.length > 0) {
      const result = await sql`
        update timers t set due_at = to_timestamp(m.due_ms / 1000.0), updated_at = ${stamp}
        from unnest(${subjects}::text[], ${kinds}::text[], ${keys}::text[], ${dues}::float8[]) as m(subject_id, kind, key, due_ms)
        where t.subject_id = m.subject_id and t.kind = m.kind and t.key = m.key
          and t.state = 'pending' and t.due_at <> to_timestamp(m.due_ms / 1000.0)`.execute(db);
      moved += Number(result.numAffectedRows ?? 0);
    }
  }
  return moved;
}

/**
 * `scheduleTimer` for many timers at once, with exactly its rules (created, moved and armed again
 * when the due time or payload differ or it was cancelled, else left as it is): one set-based
 * statement per 20,000. A calendar change re-targets every affected open ticket with it. Each
 * (kind, subjectId, key) may appear once. Returns how many were created or moved.
 */
export async function scheduleTimers(db: TimerDb, inputs: readonly ScheduleTimerInput[], options: { now?: number } = {}): Promise<number> {
  const now = options.now === undefined ? null : requireInstant(options.now, 'now');
  let changed = 0;
  for (let start = 0; start < inputs.length; start += MOVE_CHUNK) {
    const chunk = inputs.slice(start, start + MOVE_CHUNK);
    const cols = { kinds: [] as string[], types: [] as string[], subjects: [] as string[], keys: [] as string[], dues: [] as number[], payloads: [] as string[] };
    chunk.forEach((input, i) => {
      const at = `timers[${start + i}]`;
      cols.kinds.push(requireText(input?.kind, `${at}.kind`, 200));
      cols.types.push(requireText(input.subjectType ?? 'ticket', `${at}.subjectType`, 100));
      cols.subjects.push(requireText(input.subjectId, `${at}.subjectId`, 200));
      cols.keys.push(requireText(input.key ?? '', `${at}.key`, 200, true));
      cols.dues.push(requireInstant(input.dueAt, `${at}.dueAt`).getTime());
      cols.payloads.push(payloadJson(input.payload));
    });
    const stamp = sql`coalesce(${now}::timestamptz, now())`;
    const result = await sql`
      insert into timers as t (kind, subject_type, subject_id, key, due_at, payload, created_at, updated_at)
      select m.kind, m.subject_type, m.subject_id, m.key, to_timestamp(m.due_ms / 1000.0), m.payload::jsonb, ${stamp}, ${stamp}
      from unnest(${cols.kinds}::text[], ${cols.types}::text[], ${cols.subjects}::text[], ${cols.keys}::text[], ${cols.dues}::float8[], ${cols.payloads}::text[])
        as m(kind, subject_type, subject_id, key, due_ms, payload)
      on conflict (subject_id, kind, key) do update set
        subject_type = excluded.subject_type, due_at = excluded.due_at, payload = excluded.payload,
        state = 'pending', attempts = 0, locked_by = null, locked_until = null, lease_token = null,
        fired_at = null, last_error = null, updated_at = excluded.updated_at
      where t.due_at <> excluded.due_at or t.payload <> excluded.payload or t.state = 'cancelled'`.execute(db);
    changed += Number(result.numAffectedRows ?? 0);
  }
  return changed;
}

/** Timers of one subject to cancel: these kinds, of this key only, or of every key when `key` is null. */
export interface TimerCancel {
  subjectId: string;
  kind: string;
  key: string | null;
}

/** `cancelTimers` for many subjects at once (set-based, per 20,000): returns how many were cancelled. */
export async function cancelTimerSets(db: TimerDb, cancels: readonly TimerCancel[], options: { now?: number } = {}): Promise<number> {
  const now = options.now === undefined ? null : requireInstant(options.now, 'now');
  let cancelled = 0;
  for (let start = 0; start < cancels.length; start += MOVE_CHUNK) {
    const chunk = cancels.slice(start, start + MOVE_CHUNK);
    const subjects = chunk.map((c, i) => requireText(c?.subjectId, `cancels[${start + i}].subjectId`, 200));
    const kinds = chunk.map((c, i) => requireText(c.kind, `cancels[${start + i}].kind`, 200));
    const keys = chunk.map((c, i) => (c.key === null ? null : requireText(c.key, `cancels[${start + i}].key`, 200, true)));
    const result = await sql`
      update timers t set state = 'cancelled', locked_by = null, locked_until = null, lease_token = null,
        updated_at = coalesce(${now}::timestamptz, now())
      from unnest(${subjects}::text[], ${kinds}::text[], ${keys}::text[]) as m(subject_id, kind, key)
      where t.subject_id = m.subject_id and t.kind = m.kind and (m.key is null or t.key = m.key)
        and t.state in ('pending', 'running')`.execute(db);
    cancelled += Number(result.numAffectedRows ?? 0);
  }
  return cancelled;
}

/** The subject's timers (every state), soonest first. */
export async function findTimers(db: TimerDb, query: { subjectId: string; kinds?: readonly string[]; states?: readonly TimerState[] }): Promise<Timer[]> {
  const subjectId = requireText(query.subjectId, 'subjectId', 200);
  const kinds = optionalList(query.kinds, 'kinds');
  const states = query.states ? [...query.states] : undefined;
  for (const state of states ?? []) {
    if (!TIMER_STATES.includes(state)) throw new TimerError('invalid_timer', `Unknown timer state "${state}"; use one of ${TIMER_STATES.join(', ')}.`);
  }
  let select = db.selectFrom('timers').selectAll().where('subject_id', '=', subjectId);
  if (kinds) select = kinds.length ? select.where('kind', 'in', kinds) : select.where(sql<boolean>`false`);
  if (states) select = states.length ? select.where('state', 'in', states) : select.where(sql<boolean>`false`);
  const rows = (await select.orderBy('due_at').orderBy('kind').orderBy('key').execute()) as TimerRow[];
  return rows.map(toTimer);
}

function optionalList(values: readonly string[] | undefined, field: string): string[] | undefined {
  if (values === undefined) return undefined;
  if (!Array.isArray(values)) throw new TimerError('invalid_timer', `Timer ${field} must be a list of strings; got ${JSON.stringify(values)}.`);
  return values.map((v, i) => requireText(v, `${field}[${i}]`, 200, field === 'keys'));
}
