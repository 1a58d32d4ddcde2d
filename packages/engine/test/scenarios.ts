/** Random scenarios shared by the property tests: a calendar, a start near it, a duration, a count. */
import fc from 'fast-check';
import { compileCalendar, type Schedule } from '../src/index.js';
import { calendarCaseArb, durationArb, jitterArb, weeklyOpenMinutes, MINUTE_MS } from '../src/testing/arbitraries.js';
import { BeyondHorizon, ReferenceCalendar } from '../src/testing/reference.js';
import type { CalendarSpec } from '../src/types.js';

/** How far the reference looks for an opening or a closing before it gives up (21 days). */
export const HORIZON_MINUTES = 21 * 1440;

export interface Scenario {
  spec: CalendarSpec;
  anchor: number;
  /** Minutes from the anchor to the raw start. */
  shift: number;
  jitter: number;
  /** Move the start exactly onto the next opening or closing time. */
  snap: 'none' | 'opening' | 'closing';
  duration: number;
  /** A second duration, for laws that combine two. */
  duration2: number;
  days: number;
  /** Minutes, for ranges (may be negative). */
  span: number;
  /** Milliseconds from the start to a second, later start. */
  later: number;
}

export function scenarioArb(): fc.Arbitrary<Scenario> {
  return calendarCaseArb().chain(({ spec, anchor }) => {
    // Durations stay within about two weeks of open time so the minute-stepping reference is quick.
    const maxMinutes = Math.max(1, Math.min(60 * 60, 2 * weeklyOpenMinutes(spec.weekly ?? {})));
    return fc.record({
      spec: fc.constant(spec),
      anchor: fc.constant(anchor),
      shift: fc.integer({ min: -3 * 1440, max: 3 * 1440 }),
      jitter: jitterArb,
      snap: fc.constantFrom('none' as const, 'none' as const, 'opening' as const, 'closing' as const),
      duration: durationArb(maxMinutes),
      duration2: durationArb(Math.ceil(maxMinutes / 2)),
      days: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 8 })),
      span: fc.integer({ min: -5 * 1440, max: 5 * 1440 }),
      later: fc.oneof(fc.integer({ min: 0, max: 3 * 1440 }).map((m) => m * MINUTE_MS), fc.integer({ min: 0, max: 3 * 1440 * MINUTE_MS })),
    });
  });
}

export interface Prepared {
  engine: Schedule;
  ref: ReferenceCalendar;
  start: number;
}

/** Compiles the calendar both ways and works out the start (snapped by the reference). */
export function prepare(s: Scenario): Prepared {
  const engine = compileCalendar(s.spec);
  const ref = new ReferenceCalendar(s.spec);
  let start = s.anchor + s.shift * MINUTE_MS + s.jitter;
  try {
    if (s.snap === 'opening') start = ref.nextOpen(ref.nextClose(start, HORIZON_MINUTES), HORIZON_MINUTES);
    if (s.snap === 'closing') start = ref.nextClose(start, HORIZON_MINUTES);
  } catch (e) {
    if (!(e instanceof BeyondHorizon)) throw e;
  }
  return { engine, ref, start };
}

/** Property-test settings: a modest number of runs keeps the whole suite well under a minute. */
export const RUNS = 120;
