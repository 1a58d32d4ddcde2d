import { sql, type Kysely } from 'kysely';
import { type Clock, isMovable } from '../clock.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors.js';
import type { SweepReport } from '../timers/index.js';

/** The timer worker of this process as time travel drives it: the kinds it fires, and a sweep of what is due at an instant. */
export interface DueTimerRunner {
  readonly kinds: readonly string[];
  runDue(now: number): Promise<SweepReport>;
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
export async function travelTo(db: Kysely<Database>, clock: Clock, workflow: DueTimerRunner | null, to: number): Promise<TravelReport> {
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
      const next = await nextDue(db, workflow.kinds, to);
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

async function nextDue(db: Kysely<Database>, kinds: readonly string[], until: number): Promise<number | null> {
  const row = await db
    .selectFrom('timers')
    .select(sql<Date | null>`min(due_at)`.as('due'))
    .where('state', '=', 'pending')
    .where('due_at', '<=', new Date(until))
    .where('kind', 'in', [...kinds])
    .executeTakeFirst();
  return row?.due ? new Date(row.due).getTime() : null;
}

function add(report: TravelReport, sweep: SweepReport): void {
  report.fired += sweep.fired;
  report.retried += sweep.retried;
  report.dead += sweep.dead;
}
