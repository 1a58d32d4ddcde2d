/**
 * NDJSON input for `hourglass sla deadlines`: three policy lines (twilio plans and priorities,
 * first_response) to one calendar line (fractional business hours), with starts from the seeded
 * workload, and the answer each line must get.
 */
import { createZoneClock } from './zone-clock.mjs';
import { ZONE } from './workload.mjs';

const HOUR_MS = 3_600_000;
const PLANS = ['bootstrap', 'premium', 'personalized', 'free'];
const PRIORITIES = ['P1', 'P2', 'P3'];
export const BUSINESS_HOURS_CALENDAR = 'twilio-business-hours';

/** SPEC.md's twilio first_response targets: hours, and whether they run on the 24x7 calendar. */
const TWILIO_TARGETS = {
  free: { P1: null, P2: null, P3: null },
  bootstrap: { P1: { hours: 2 }, P2: { hours: 4 }, P3: { hours: 8 } },
  premium: { P1: { hours: 1, allDay: true }, P2: { hours: 2 }, P3: { hours: 3 } },
  personalized: { P1: { hours: 1, allDay: true }, P2: { hours: 2 }, P3: { hours: 3 } },
};

/**
 * The question on line `id`, built from workload case `id % workload.count`.
 * @returns {{ kind: 'policy', plan, priority, startMs } | { kind: 'calendar', hours, durationMs, startMs }}
 *   `hours` is what the line says (a float); `durationMs` the exact whole minutes it stands for.
 */
function questionFor(id, workload) {
  const index = id % workload.count;
  const startMs = workload.starts[index];
  if (id % 4 === 3) {
    return { kind: 'calendar', hours: workload.minutes[index] / 60, durationMs: workload.durations[index], startMs };
  }
  return {
    kind: 'policy',
    plan: PLANS[(id >> 2) % PLANS.length],
    priority: PRIORITIES[id % 3],
    startMs,
  };
}

export function createBatchLines(workload) {
  const clock = createZoneClock(ZONE);

  /** The NDJSON text of line `id` (no newline). */
  function line(id) {
    const question = questionFor(id, workload);
    const start = clock.formatIso(question.startMs);
    if (question.kind === 'calendar') {
      return JSON.stringify({ id, calendar: BUSINESS_HOURS_CALENDAR, business_hours: question.hours, start });
    }
    return JSON.stringify({ id, policy: 'twilio', plan: question.plan, priority: question.priority, metric: 'first_response', start });
  }

  /**
   * The due time line `id` must get (epoch ms, or null for no target), from direct engine calls.
   * @param {import('@hourglass/engine').Schedule} businessHours
   */
  function expectedDue(id, businessHours) {
    const question = questionFor(id, workload);
    if (question.kind === 'calendar') return businessHours.addBusinessTime(question.startMs, question.durationMs);
    const target = TWILIO_TARGETS[question.plan][question.priority];
    if (target === null) return null;
    if (target.allDay) return question.startMs + target.hours * HOUR_MS;
    return businessHours.addBusinessTime(question.startMs, target.hours * HOUR_MS);
  }

  return { line, expectedDue };
}
