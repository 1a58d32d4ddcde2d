import type { ColumnType, Generated, Kysely, Transaction } from 'kysely';

export const TIMER_STATES = ['pending', 'running', 'done', 'cancelled', 'dead'] as const;
export type TimerState = (typeof TIMER_STATES)[number];

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** The `timers` table (migration `004_timers`). */
export interface TimersTable {
  id: Generated<string>;
  kind: string;
  subject_type: string;
  subject_id: string;
  key: Generated<string>;
  due_at: Timestamp;
  /** jsonb: written as a JSON string, read as the parsed value. */
  payload: ColumnType<unknown, string, string>;
  state: Generated<TimerState>;
  attempts: Generated<number>;
  locked_by: string | null;
  locked_until: Timestamp | null;
  lease_token: string | null;
  fired_at: Timestamp | null;
  last_error: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** The tables this module adds; merge into the service's `Database` interface as `timers: TimersTable`. */
export interface TimerTables {
  timers: TimersTable;
}

/**
 * Any Kysely instance or transaction over a database that has the `timers` table. The functions
 * here only touch `timers`, so they accept the service's own `Kysely<Database>` as it is.
 */
export type TimerDb = Kysely<any> | Transaction<any>;

/** A timer as handlers and callers see it: instants are epoch milliseconds. */
export interface Timer {
  id: string;
  kind: string;
  subjectType: string;
  subjectId: string;
  key: string;
  dueAt: number;
  payload: unknown;
  state: TimerState;
  /** Attempts made so far, counting the one in progress. */
  attempts: number;
  lockedBy: string | null;
  lockedUntil: number | null;
  firedAt: number | null;
  lastError: string | null;
}

export interface TimerRow {
  id: string;
  kind: string;
  subject_type: string;
  subject_id: string;
  key: string;
  due_at: Date;
  payload: unknown;
  state: TimerState;
  attempts: number;
  locked_by: string | null;
  locked_until: Date | null;
  lease_token: string | null;
  fired_at: Date | null;
  last_error: string | null;
}

const ms = (value: Date | string | null): number | null => (value === null ? null : new Date(value).getTime());

export function toTimer(row: TimerRow): Timer {
  return {
    id: row.id,
    kind: row.kind,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    key: row.key,
    dueAt: ms(row.due_at)!,
    payload: row.payload,
    state: row.state,
    attempts: Number(row.attempts),
    lockedBy: row.locked_by,
    lockedUntil: ms(row.locked_until),
    firedAt: ms(row.fired_at),
    lastError: row.last_error,
  };
}
