/** A 24x7 calendar is the identity: open time is elapsed time, and every date is a business date. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileCalendar } from '../src/index.js';
import { ZONES, anchorArb, durationArb, jitterArb } from '../src/testing/arbitraries.js';
import { addDays } from '../src/testing/dates.js';
import { ReferenceCalendar } from '../src/testing/reference.js';
import { RUNS } from './scenarios.js';

const MIN = 60_000;

const caseArb = fc
  .constantFrom(...ZONES)
  .chain((zone) =>
    fc.record({
      zone: fc.constant(zone),
      start: fc.tuple(anchorArb(zone), jitterArb).map(([t, j]) => t + j),
      duration: durationArb(30 * 1440),
      span: fc.integer({ min: -30 * 1440 * MIN, max: 30 * 1440 * MIN }),
      days: fc.integer({ min: 0, max: 40 }),
    }),
  );

describe('24x7', () => {
  it('adds, measures and lists plain elapsed time, and is always open', () => {
    fc.assert(
      fc.property(caseArb, ({ zone, start, duration, span }) => {
        const cal = compileCalendar({ id: '24x7', zone, always_open: true });
        const end = start + span;
        expect(cal.isOpen(start)).toBe(true);
        expect(cal.nextOpen(start)).toBe(start);
        expect(cal.nextClose(start)).toBe(Number.POSITIVE_INFINITY);
        expect(cal.addBusinessTime(start, duration)).toBe(start + duration);
        expect(cal.businessTimeBetween(start, end)).toBe(span);
        expect(cal.openPeriods(start, end)).toEqual(span > 0 ? [{ start, end }] : []);
        const x = cal.explain(start, duration);
        expect(x.due).toBe(start + duration);
        expect(x.open).toEqual(duration > 0 ? [{ start, end: start + duration }] : []);
        expect(x.closed).toEqual([]);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('steps calendar days keeping the wall time, as the reference does', () => {
    fc.assert(
      fc.property(caseArb, ({ zone, start, days }) => {
        const spec = { id: '24x7', zone, always_open: true };
        const cal = compileCalendar(spec);
        const ref = new ReferenceCalendar(spec);
        const date = ref.localDate(start);
        expect(cal.isBusinessDate(date)).toBe(true);
        expect(cal.isBusinessDate(addDays(date, days))).toBe(true);
        const due = cal.addBusinessDays(start, days);
        expect(ref.localDate(due), `${zone} ${new Date(start).toISOString()} + ${days} days`).toBe(addDays(date, days));
        expect(due, `${zone} ${new Date(start).toISOString()} + ${days} days`).toBe(ref.addBusinessDays(start, days));
      }),
      { numRuns: RUNS },
    );
  });
});
