import { sql, type Kysely } from 'kysely';
import { type Clock, fixedClock, offsetClock } from '../clock.js';
import type { ClockSetting } from '../config.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors.js';
import type { SweepReport } from '../timers/index.js';
import { WORKFLOW_TIMER_KINDS, type Workflow } from './runtime.js';

/** A clock an admin may move forward (HOURGLASS_CLOCK fixed or offset). */
export interface MovableClock extends Clock {
  set(at: number): void;
}

/** The service clock for a setting: movable when the setting is fixed or offset, the system clock otherwise. */
export function clockForSetting(setting: ClockSetting): Clock | MovableClock {
  if (setting.kind === 'fixed') return fixedClock(setting.at);
  if (setting.kind === 'offset') {
    const running = offsetClock(setting.startAt);
    let shift = 0;
    return { now: () => running.now() + shift, set: (at: number) => void (shift = at - running.now()) };
  }
  return { now: () => Date.now() };
}

export function isMovable(clock: Clock): clock is MovableClock {
  return typeof (clock as Partial<MovableClock>).set === 'function';
}

export interface TravelReport {
  from: number;
  to: number;
  fired: number;
  retried: number;
  dead: number;
  /** Whether a worker ran in this process; without one, other workers fire what became due on their own clocks. */
  worker: boolean;
}

const MAX_STEPS = 10_000;

/** The latest instant the service clock may show: due times are computed up to the year 2500, and a ticket opened then needs room for its targets. */
export const LATEST_SERVICE_TIME = Date.UTC(2400, 0, 1);

/**
 * Moves the clock forward to `to`, stopping at each due timer on the way so that every timer fires at
 * its own instant (and what it sets off, such as emails, at that instant too), as it would with time
 * passing. Refused when the clock is the system clock or `to` is in the past.
 */
export async function travelTo(db: Kysely<Database>, clock: Clock, workflow: Workflow | null, to: number): Promise<TravelReport> {
  if (!isMovable(clock)) {
    throw new AppError('conflict', 'The server runs on the system clock, which cannot be moved. Start it with HOURGLASS_CLOCK=fixed:<instant> or offset:<instant> to use time travel.');
  }
  const from = clock.now();
  if (!Number.isFinite(to) || to < from) {
    throw new AppError('conflict', `The clock only moves forward: it is ${new Date(from).toISOString()}, and ${Number.isFinite(to) ? new Date(to).toISOString() : String(to)} is earlier. Timers that fired cannot be undone.`);
  }
  const report: TravelReport = { from, to, fired: 0, retried: 0, dead: 0, worker: workflow !== null };
  if (workflow) {
    for (let step = 0; step < MAX_STEPS; step++) {
      const next = await nextDue(db, to);
      if (next === null) break;
      clock.set(Math.max(next, clock.now()));
      const sweep = await workflow.runDue(clock.now());
      add(report, sweep);
      if (sweep.fired + sweep.retried + sweep.dead + sweep.lost === 0) break;
    }
  }
  clock.set(to);
  if (workflow) add(report, await workflow.runDue(to));
  return report;
}

async function nextDue(db: Kysely<Database>, until: number): Promise<number | null> {
  const row = await db
    .selectFrom('timers')
    .select(sql<Date | null>`min(due_at)`.as('due'))
    .where('state', '=', 'pending')
    .where('due_at', '<=', new Date(until))
    .where('kind', 'in', [...WORKFLOW_TIMER_KINDS])
    .executeTakeFirst();
  return row?.due ? new Date(row.due).getTime() : null;
}

function add(report: TravelReport, sweep: SweepReport): void {
  report.fired += sweep.fired;
  report.retried += sweep.retried;
  report.dead += sweep.dead;
}
