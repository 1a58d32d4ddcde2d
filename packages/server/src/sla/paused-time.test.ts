import fc from 'fast-check';
import { HOUR, MINUTE, compileCalendar, parseInstant } from '@hourglass/engine';
import { describe, expect, it } from 'vitest';
import {
  addBusinessTimeAround,
  breaksBefore,
  businessTimeAround,
  pausedWithin,
  runningPieces,
} from './paused-time.js';

const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
const businessHours = compileCalendar({
  id: 'business-hours',
  zone: 'America/Los_Angeles',
  weekly: Object.fromEntries(weekdays.map((d) => [d, [{ from: '06:00', to: '18:00' }]])),
});
const at = parseInstant;
// Friday 2026-11-20 in Los Angeles (PST, -08:00).
const fri1700 = at('2026-11-20T17:00:00-08:00');

describe('addBusinessTimeAround', () => {
  it('without breaks is the calendar sum: Fri 17:00 + 2h is Mon 07:00', () => {
    expect(addBusinessTimeAround(businessHours, fri1700, 2 * HOUR, [])).toBe(at('2026-11-23T07:00:00-08:00'));
  });

  it('a pause across the weekend: 30min before it, the rest after it', () => {
    const pending = { start: at('2026-11-20T17:30:00-08:00'), end: at('2026-11-23T10:00:00-08:00') };
    expect(addBusinessTimeAround(businessHours, fri1700, 2 * HOUR, [pending])).toBe(
      at('2026-11-23T11:30:00-08:00'),
    );
  });

  it('a pause already running at the start moves the start to its end; due may be a closing time', () => {
    const pending = { start: at('2026-11-20T16:00:00-08:00'), end: at('2026-11-20T17:30:00-08:00') };
    expect(addBusinessTimeAround(businessHours, fri1700, 30 * MINUTE, [pending])).toBe(
      at('2026-11-20T18:00:00-08:00'),
    );
  });

  it('a due time reached before a pause starts is not moved by it', () => {
    const later = { start: at('2026-11-23T08:00:00-08:00'), end: at('2026-11-23T12:00:00-08:00') };
    expect(addBusinessTimeAround(businessHours, fri1700, HOUR, [later])).toBe(at('2026-11-20T18:00:00-08:00'));
  });

  it('is unknown (null) while an ongoing pause holds the clock', () => {
    const ongoing = { start: at('2026-11-20T17:30:00-08:00'), end: Infinity };
    expect(addBusinessTimeAround(businessHours, fri1700, 2 * HOUR, [ongoing])).toBeNull();
    expect(addBusinessTimeAround(businessHours, fri1700, 30 * MINUTE, [ongoing])).toBe(
      at('2026-11-20T17:30:00-08:00'),
    );
  });
});

describe('businessTimeAround', () => {
  it('counts open time outside the breaks', () => {
    const pending = { start: at('2026-11-20T17:30:00-08:00'), end: at('2026-11-23T10:00:00-08:00') };
    expect(businessTimeAround(businessHours, fri1700, at('2026-11-23T12:00:00-08:00'), [pending])).toBe(
      2.5 * HOUR,
    );
    expect(businessTimeAround(businessHours, fri1700, fri1700, [pending])).toBe(0);
  });
});

describe('pieces and pauses', () => {
  const breaks = [
    { start: 10, end: 20 },
    { start: 30, end: Infinity },
  ];

  it('splits a range around the breaks', () => {
    expect(runningPieces(0, 100, breaks)).toEqual([
      { start: 0, end: 10 },
      { start: 20, end: 30 },
    ]);
    expect(runningPieces(15, 25, breaks)).toEqual([{ start: 20, end: 25 }]);
  });

  it('measures paused wall-clock time inside a range', () => {
    expect(pausedWithin(0, 100, breaks)).toBe(10 + 70);
    expect(pausedWithin(12, 18, breaks)).toBe(6);
  });

  it('cuts breaks off at an instant', () => {
    expect(breaksBefore(breaks, 35)).toEqual([
      { start: 10, end: 20 },
      { start: 30, end: 35 },
    ]);
    expect(breaksBefore(breaks, 10)).toEqual([]);
  });
});

describe('addBusinessTimeAround: properties', () => {
  // Instants over four weeks around Thanksgiving 2026, on the 06:00–18:00 calendar above.
  const from = at('2026-11-16T00:00:00-08:00');
  const instant = fc.integer({ min: 0, max: 28 * 24 * 4 }).map((quarters) => from + quarters * 15 * MINUTE);
  const pauses = fc
    .array(fc.tuple(instant, fc.integer({ min: 1, max: 96 }).map((q) => q * 15 * MINUTE)), { maxLength: 4 })
    .map((list) => {
      const sorted = list.map(([start, length]) => ({ start, end: start + length })).sort((a, b) => a.start - b.start);
      const merged: { start: number; end: number }[] = [];
      for (const pause of sorted) {
        const last = merged.at(-1);
        if (last && pause.start <= last.end) last.end = Math.max(last.end, pause.end);
        else merged.push({ ...pause });
      }
      return merged;
    });
  const duration = fc.integer({ min: 1, max: 40 }).map((q) => q * 15 * MINUTE);

  it('the due time is the first instant by which exactly the duration ran outside the pauses', () => {
    fc.assert(
      fc.property(instant, duration, pauses, (start, d, breaks) => {
        const due = addBusinessTimeAround(businessHours, start, d, breaks)!;
        expect(businessTimeAround(businessHours, start, due, breaks)).toBe(d);
        expect(businessTimeAround(businessHours, start, due - 1, breaks)).toBeLessThan(d);
      }),
    );
  });

  it('a pause never brings the due time forward, and moves it by at most its own length in open time', () => {
    fc.assert(
      fc.property(instant, duration, pauses, (start, d, breaks) => {
        const plain = addBusinessTimeAround(businessHours, start, d, [])!;
        const paused = addBusinessTimeAround(businessHours, start, d, breaks)!;
        expect(paused).toBeGreaterThanOrEqual(plain);
        const pausedOpen = breaks.reduce((sum, b) => sum + businessHours.businessTimeBetween(Math.max(b.start, start), Math.max(b.end, start)), 0);
        expect(businessHours.businessTimeBetween(plain, paused)).toBeLessThanOrEqual(pausedOpen);
      }),
    );
  });
});
