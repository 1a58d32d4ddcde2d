/**
 * Laws every calendar obeys, checked on the engine alone over random calendars and starts:
 * monotonicity, round trips between adding and measuring, additivity, what a zero duration and
 * the time before the first opening mean (README: a due time may fall exactly on a closing time;
 * time before the first opening does not count), and the shape of open and closed states.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { showCase, showInstant } from '../src/testing/report.js';
import { RUNS, prepare, scenarioArb, type Scenario } from './scenarios.js';

const settings = { numRuns: RUNS };

function described(s: Scenario, start: number, what: string): string {
  return showCase(s.spec, `${what} from ${showInstant(start, s.spec.zone)}`);
}

describe('laws of adding business time', () => {
  it('is monotone in the start and in the duration', () => {
    fc.assert(
      fc.property(scenarioArb(), (s) => {
        const { engine, start } = prepare(s);
        const later = start + s.later;
        const [small, big] = s.duration <= s.duration2 ? [s.duration, s.duration2] : [s.duration2, s.duration];
        expect(engine.addBusinessTime(start, s.duration), described(s, start, `add(t, ${s.duration}) ≤ add(t + ${s.later}, ${s.duration})`)).toBeLessThanOrEqual(
          engine.addBusinessTime(later, s.duration),
        );
        expect(engine.addBusinessTime(start, small), described(s, start, `add(t, ${small}) ≤ add(t, ${big})`)).toBeLessThanOrEqual(engine.addBusinessTime(start, big));
      }),
      settings,
    );
  });

  it('measures back exactly what it added, and adds in steps the same as at once', () => {
    fc.assert(
      fc.property(scenarioArb(), (s) => {
        const { engine, start } = prepare(s);
        const due = engine.addBusinessTime(start, s.duration);
        expect(engine.businessTimeBetween(start, due), described(s, start, `between(t, add(t, ${s.duration}))`)).toBe(s.duration);
        const stepped = engine.addBusinessTime(engine.addBusinessTime(start, s.duration), s.duration2);
        expect(stepped, described(s, start, `add(add(t, ${s.duration}), ${s.duration2}) = add(t, sum)`)).toBe(engine.addBusinessTime(start, s.duration + s.duration2));
      }),
      settings,
    );
  });

  it('returns the start for a zero duration, and otherwise ignores the time before the first opening', () => {
    fc.assert(
      fc.property(scenarioArb(), (s) => {
        const { engine, start } = prepare(s);
        expect(engine.addBusinessTime(start, 0), described(s, start, 'add(t, 0)')).toBe(start);
        if (s.duration === 0) return;
        const due = engine.addBusinessTime(start, s.duration);
        expect(due, described(s, start, `add(t, ${s.duration}) = add(nextOpen(t), ${s.duration})`)).toBe(engine.addBusinessTime(engine.nextOpen(start), s.duration));
        expect(due, described(s, start, 'the due time is after the start')).toBeGreaterThan(start);
        // Earliest: the last millisecond before the due time is open time that was needed.
        expect(engine.isOpen(due - 1), described(s, start, `the millisecond before add(t, ${s.duration}) is open`)).toBe(true);
      }),
      settings,
    );
  });

  it('lets a due time fall exactly on a closing time', () => {
    fc.assert(
      fc.property(scenarioArb(), (s) => {
        const { engine, start } = prepare(s);
        const open = engine.nextOpen(start);
        const close = engine.nextClose(start);
        expect(engine.addBusinessTime(start, close - open), described(s, start, 'add(t, rest of the open period)')).toBe(close);
        expect(engine.addBusinessTime(open, close - open), described(s, start, 'add(nextOpen(t), whole open period)')).toBe(close);
      }),
      settings,
    );
  });
});

describe('laws of measuring and listing open time', () => {
  it('is antisymmetric and additive over ranges, and agrees with the open periods', () => {
    fc.assert(
      fc.property(scenarioArb(), (s) => {
        const { engine, start } = prepare(s);
        const mid = start + s.later;
        const end = mid + Math.abs(s.span) * 60_000;
        const ab = engine.businessTimeBetween(start, mid);
        const bc = engine.businessTimeBetween(mid, end);
        expect(engine.businessTimeBetween(mid, start), described(s, start, 'between(b, a) = -between(a, b)')).toBe(0 - ab);
        expect(engine.businessTimeBetween(start, end), described(s, start, 'between(a, c) = between(a, b) + between(b, c)')).toBe(ab + bc);

        const periods = engine.openPeriods(start, end);
        let cursor = start;
        let total = 0;
        for (const p of periods) {
          // In order, inside the range, not empty, and separated by closed time.
          expect(p.start, described(s, start, 'open periods are in order and apart')).toBeGreaterThan(cursor === start ? start - 1 : cursor);
          expect(p.end, described(s, start, 'open periods are not empty')).toBeGreaterThan(p.start);
          expect(p.end, described(s, start, 'open periods stay inside the range')).toBeLessThanOrEqual(end);
          expect(engine.businessTimeBetween(p.start, p.end), described(s, start, 'an open period is open throughout')).toBe(p.end - p.start);
          if (p.start > start) expect(engine.isOpen(p.start - 1), described(s, start, 'an open period starts at an opening')).toBe(false);
          if (p.end < end) expect(engine.isOpen(p.end), described(s, start, 'an open period ends at a closing')).toBe(false);
          cursor = p.end;
          total += p.end - p.start;
        }
        expect(total, described(s, start, 'open periods add up to the business time between')).toBe(ab + bc);
      }),
      settings,
    );
  });

  it('finds the next opening and closing around the open period that contains or follows t', () => {
    fc.assert(
      fc.property(scenarioArb(), (s) => {
        const { engine, start } = prepare(s);
        const open = engine.nextOpen(start);
        const close = engine.nextClose(start);
        expect(open, described(s, start, 'nextOpen(t) ≥ t')).toBeGreaterThanOrEqual(start);
        expect(open === start, described(s, start, 'nextOpen(t) = t exactly when open')).toBe(engine.isOpen(start));
        expect(engine.businessTimeBetween(start, open), described(s, start, 'closed until nextOpen(t)')).toBe(0);
        expect(engine.isOpen(open), described(s, start, 'open at nextOpen(t)')).toBe(true);
        expect(close, described(s, start, 'nextClose(t) > nextOpen(t)')).toBeGreaterThan(open);
        expect(engine.businessTimeBetween(open, close), described(s, start, 'open from nextOpen(t) to nextClose(t)')).toBe(close - open);
        expect(engine.isOpen(close), described(s, start, 'closed at nextClose(t)')).toBe(false);
        expect(engine.nextOpen(open), described(s, start, 'nextOpen is idempotent')).toBe(open);
        expect(engine.nextClose(open), described(s, start, 'nextClose from the opening')).toBe(close);
      }),
      settings,
    );
  });
});

describe('laws of business days', () => {
  it('lands on a business date, keeps going forward, and keeps the start on a business date for 0', () => {
    fc.assert(
      fc.property(scenarioArb(), (s) => {
        const { engine, start } = prepare(s);
        const due = engine.addBusinessDays(start, s.days);
        const onBusinessDate = engine.isBusinessDate(engine.localDate(start));
        expect(engine.isBusinessDate(engine.localDate(due)), described(s, start, `addBusinessDays(t, ${s.days}) is on a business date`)).toBe(true);
        if (s.days === 0 && onBusinessDate) expect(due, described(s, start, 'addBusinessDays(t, 0) on a business date')).toBe(start);
        if (s.days === 0 && !onBusinessDate) expect(due, described(s, start, 'addBusinessDays(t, 0) off a business date')).toBe(engine.nextOpen(start));
        if (s.days > 0) {
          expect(engine.localDate(due) > engine.localDate(start), described(s, start, `addBusinessDays(t, ${s.days}) is on a later date`)).toBe(true);
          expect(engine.localDate(engine.addBusinessDays(start, s.days - 1)) < engine.localDate(due), described(s, start, 'one more day is a later date')).toBe(true);
        }
      }),
      settings,
    );
  });
});
