/**
 * `explain` against the reference: the due time, the open segments that make it up (they add up to
 * the duration and are open) and the closed periods skipped (closed, covering every gap, each
 * labelled with the reason of every local date it spans).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ClosedPeriod, Segment } from '../src/index.js';
import { addDays } from '../src/testing/dates.js';
import type { ReferenceCalendar } from '../src/testing/reference.js';
import { showCase, showInstant } from '../src/testing/report.js';
import { RUNS, prepare, scenarioArb } from './scenarios.js';

const names = (name: string | undefined) => (name === undefined ? [] : name.split(' / ').sort());

/** The local dates that `[start, end)` touches. */
function datesOf(ref: ReferenceCalendar, p: Segment): string[] {
  const last = ref.localDate(p.end - 1);
  const out = [ref.localDate(p.start)];
  while (out[out.length - 1]! < last) out.push(addDays(out[out.length - 1]!, 1));
  return out;
}

describe('explain agrees with the reference', () => {
  it('gives the due time, open segments that add up to the duration, and every gap labelled', () => {
    fc.assert(
      fc.property(scenarioArb(), (s) => {
        const { engine, ref, start } = prepare(s);
        const zone = s.spec.zone;
        const x = engine.explain(start, s.duration);
        const ask = (what: string) => showCase(s.spec, `explain(${showInstant(start, zone)}, ${s.duration} ms): ${what}`);

        expect(x.start, ask('start')).toBe(start);
        expect(x.duration, ask('duration')).toBe(s.duration);
        expect(x.due, ask('due')).toBe(ref.addBusinessTime(start, s.duration));
        expect(x.open, ask('open segments')).toEqual(ref.openPeriods(start, x.due));
        expect(x.open.reduce((sum, seg) => sum + (seg.end - seg.start), 0), ask('open time')).toBe(s.duration);

        // Closed periods and open segments, in order, tile [start, due) with no gap and no overlap
        // (with a zero duration there is nothing to explain).
        const pieces: (Segment | ClosedPeriod)[] = [...x.open, ...x.closed].sort((a, b) => a.start - b.start);
        let cursor = start;
        for (const p of pieces) {
          expect(p.start, ask(`piece at ${showInstant(p.start, zone)} follows the last`)).toBe(cursor);
          expect(p.end, ask('piece is not empty')).toBeGreaterThan(p.start);
          cursor = p.end;
        }
        expect(cursor, ask('pieces reach the due time')).toBe(s.duration === 0 ? start : x.due);

        x.closed.forEach((c, i) => {
          const where = `closed period ${showInstant(c.start, zone)} – ${showInstant(c.end, zone)} (${c.reason} ${c.name ?? ''})`;
          expect(ref.businessTimeBetween(c.start, c.end), ask(`${where} is closed`)).toBe(0);
          for (const date of datesOf(ref, c)) {
            const expected = ref.closedReason(date);
            expect({ reason: c.reason, names: names(c.name) }, ask(`${where} on ${date}`)).toEqual({ reason: expected.reason, names: names(expected.name) });
          }
          const next = x.closed[i + 1];
          if (next && next.start === c.end) {
            expect(next.reason !== c.reason || next.name !== c.name, ask(`${where} is merged with its like neighbour`)).toBe(true);
          }
        });
      }),
      { numRuns: RUNS },
    );
  });
});
