/**
 * The engine against the brute-force reference (src/testing/reference.ts), over random calendars,
 * zones and starts: every operation must give exactly the reference's answer.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../src/testing/dates.js';
import { BeyondHorizon } from '../src/testing/reference.js';
import { showCase, showInstant } from '../src/testing/report.js';
import { MINUTE_MS } from '../src/testing/arbitraries.js';
import { HORIZON_MINUTES, RUNS, prepare, scenarioArb } from './scenarios.js';

const settings = { numRuns: RUNS };

describe('engine agrees with the reference', () => {
  it('isOpen, nextOpen and nextClose', () => {
    fc.assert(
      fc.property(scenarioArb(), (s) => {
        const { engine, ref, start } = prepare(s);
        const ask = (q: string) => showCase(s.spec, `${q} at ${showInstant(start, s.spec.zone)}`);
        expect(engine.isOpen(start), ask('isOpen')).toBe(ref.isOpen(start));
        try {
          const open = ref.nextOpen(start, HORIZON_MINUTES);
          expect(engine.nextOpen(start), ask(`nextOpen (reference ${showInstant(open, s.spec.zone)})`)).toBe(open);
          const close = ref.nextClose(start, HORIZON_MINUTES);
          expect(engine.nextClose(start), ask(`nextClose (reference ${showInstant(close, s.spec.zone)})`)).toBe(close);
        } catch (e) {
          if (!(e instanceof BeyondHorizon)) throw e;
          const beyond = start + HORIZON_MINUTES * MINUTE_MS;
          expect(engine.nextClose(start), ask('nextClose beyond the horizon')).toBeGreaterThanOrEqual(beyond);
        }
      }),
      settings,
    );
  });

  it('addBusinessTime', () => {
    fc.assert(
      fc.property(scenarioArb(), (s) => {
        const { engine, ref, start } = prepare(s);
        const expected = ref.addBusinessTime(start, s.duration);
        const got = engine.addBusinessTime(start, s.duration);
        const q = `addBusinessTime(${showInstant(start, s.spec.zone)}, ${s.duration} ms): engine ${showInstant(got, s.spec.zone)}, reference ${showInstant(expected, s.spec.zone)}`;
        expect(got, showCase(s.spec, q)).toBe(expected);
      }),
      settings,
    );
  });

  it('businessTimeBetween, both ways round', () => {
    fc.assert(
      fc.property(scenarioArb(), (s) => {
        const { engine, ref, start } = prepare(s);
        const end = start + s.span * MINUTE_MS + s.jitter;
        const q = `businessTimeBetween(${showInstant(start, s.spec.zone)}, ${showInstant(end, s.spec.zone)})`;
        expect(engine.businessTimeBetween(start, end), showCase(s.spec, q)).toBe(ref.businessTimeBetween(start, end));
      }),
      settings,
    );
  });

  it('openPeriods', () => {
    fc.assert(
      fc.property(scenarioArb(), (s) => {
        const { engine, ref, start } = prepare(s);
        const end = start + Math.abs(s.span) * MINUTE_MS;
        const q = `openPeriods(${showInstant(start, s.spec.zone)}, ${showInstant(end, s.spec.zone)})`;
        expect(engine.openPeriods(start, end), showCase(s.spec, q)).toEqual(ref.openPeriods(start, end));
      }),
      settings,
    );
  });

  it('addBusinessDays', () => {
    fc.assert(
      fc.property(scenarioArb(), (s) => {
        const { engine, ref, start } = prepare(s);
        const expected = ref.addBusinessDays(start, s.days);
        const got = engine.addBusinessDays(start, s.days);
        const q = `addBusinessDays(${showInstant(start, s.spec.zone)}, ${s.days}): engine ${showInstant(got, s.spec.zone)}, reference ${showInstant(expected, s.spec.zone)}`;
        expect(got, showCase(s.spec, q)).toBe(expected);
      }),
      settings,
    );
  });

  it('isBusinessDate and the holidays of nearby dates', () => {
    fc.assert(
      fc.property(scenarioArb(), (s) => {
        const { engine, ref, start } = prepare(s);
        const first = ref.localDate(start);
        const last = addDays(first, 13);
        const expectedHolidays: string[] = [];
        for (let k = 0; k <= 13; k++) {
          const date = addDays(first, k);
          expect(engine.isBusinessDate(date), showCase(s.spec, `isBusinessDate(${date})`)).toBe(ref.isBusinessDate(date));
          for (const name of ref.holidayNames(date)) expectedHolidays.push(`${date} ${name}`);
        }
        const got = engine.holidaysBetween(first, last).flatMap((h) => h.name.split(' / ').map((name) => `${h.date} ${name}`));
        expect(got.sort(), showCase(s.spec, `holidaysBetween(${first}, ${last})`)).toEqual(expectedHolidays.sort());
      }),
      settings,
    );
  });
});
