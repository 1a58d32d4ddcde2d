/**
 * Wall times that a DST change skips or repeats, worked out by hand: opening hours placed by
 * SPEC.md's rule (skipped: forward by the gap; repeated: the earlier instant) and business days
 * that keep the wall time.
 *
 * Changes used: Los Angeles 2026-03-08 02:00 PST → 03:00 PDT and 2026-11-01 02:00 PDT → 01:00 PST;
 * Santiago 2026-09-06 00:00 -04:00 → 01:00 -03:00 (local midnight never happens); Lord Howe
 * 2026-10-04 02:00 +10:30 → 02:30 +11:00 (a half-hour change).
 */
import { describe, expect, it } from 'vitest';
import { HOUR, MINUTE, compileCalendar, formatInstant, parseInstant, type CalendarSpec, type WallIntervalSpec } from '../src/index.js';

const at = parseInstant;
const everyDay = (iv: WallIntervalSpec[]) => ({ mon: iv, tue: iv, wed: iv, thu: iv, fri: iv, sat: iv, sun: iv });
const cal = (zone: string, weekly: CalendarSpec['weekly']) => compileCalendar({ id: 'dst', zone, weekly });
const show = (t: number, zone: string) => formatInstant(t, zone);

describe('opening hours on the day of a DST change', () => {
  it('moves an opening that falls in the spring gap forward by the gap', () => {
    const la = cal('America/Los_Angeles', everyDay([{ from: '01:30', to: '02:30' }]));
    // 01:30 PST to "02:30", which is 03:30 PDT: one hour of open time.
    expect(la.openPeriods(at('2026-03-08T00:00:00-08:00'), at('2026-03-09T00:00:00-07:00'))).toEqual([
      { start: at('2026-03-08T01:30:00-08:00'), end: at('2026-03-08T03:30:00-07:00') },
    ]);
  });

  it('leaves a day whose only hours lie inside the gap without open time, so it is not a business date', () => {
    const la = cal('America/Los_Angeles', everyDay([{ from: '02:00', to: '03:00' }]));
    expect(la.businessTimeBetween(at('2026-03-08T00:00:00-08:00'), at('2026-03-09T00:00:00-07:00'))).toBe(0);
    expect(la.isBusinessDate('2026-03-08')).toBe(false);
    expect(la.isBusinessDate('2026-03-09')).toBe(true);
    expect(show(la.addBusinessDays(at('2026-03-07T02:15:00-08:00'), 1), la.zone)).toBe('2026-03-09T02:15:00-07:00');
    expect(show(la.nextOpen(at('2026-03-07T03:00:00-08:00')), la.zone)).toBe('2026-03-09T02:00:00-07:00');
  });

  it('counts both passes of the repeated hour', () => {
    const la = cal('America/Los_Angeles', everyDay([{ from: '01:00', to: '02:00' }]));
    // 01:00 PDT to 02:00 PST: two hours.
    expect(la.businessTimeBetween(at('2026-11-01T00:00:00-07:00'), at('2026-11-02T00:00:00-08:00'))).toBe(2 * HOUR);
    expect(show(la.addBusinessTime(at('2026-11-01T01:00:00-07:00'), 90 * MINUTE), la.zone)).toBe('2026-11-01T01:30:00-08:00');
    expect(la.nextClose(at('2026-11-01T01:15:00-07:00'))).toBe(at('2026-11-01T02:00:00-08:00'));
  });

  it('starts a Santiago day at 01:00 when its midnight never happens', () => {
    const scl = cal('America/Santiago', { sun: [{ from: '00:00', to: '02:00' }], wed: [{ from: '09:00', to: '17:00' }] });
    expect(scl.openPeriods(at('2026-09-05T12:00:00-04:00'), at('2026-09-06T12:00:00-03:00'))).toEqual([
      { start: at('2026-09-06T01:00:00-03:00'), end: at('2026-09-06T02:00:00-03:00') },
    ]);
    expect(scl.businessTimeBetween(at('2026-09-12T12:00:00-03:00'), at('2026-09-13T12:00:00-03:00'))).toBe(2 * HOUR);
  });

  it('moves a Lord Howe opening forward by a half-hour gap', () => {
    const lh = cal('Australia/Lord_Howe', everyDay([{ from: '02:00', to: '03:00' }]));
    expect(lh.openPeriods(at('2026-10-04T00:00:00+10:30'), at('2026-10-05T00:00:00+11:00'))).toEqual([
      { start: at('2026-10-04T02:30:00+11:00'), end: at('2026-10-04T03:00:00+11:00') },
    ]);
    expect(lh.businessTimeBetween(at('2026-10-03T00:00:00+10:30'), at('2026-10-04T00:00:00+10:30'))).toBe(HOUR);
  });
});

describe('business days that keep a skipped or repeated wall time', () => {
  const la = cal('America/Los_Angeles', everyDay([{ from: '00:00', to: '24:00' }]));

  it('keeps the start itself for zero days, even in the second pass of a repeated hour', () => {
    const second = at('2026-11-01T01:30:00-08:00');
    expect(la.addBusinessDays(second, 0)).toBe(second);
  });

  it('takes the earlier instant of a repeated wall time', () => {
    expect(show(la.addBusinessDays(at('2026-10-31T01:30:00-07:00'), 1), la.zone)).toBe('2026-11-01T01:30:00-07:00');
    expect(show(la.addBusinessDays(at('2026-11-01T01:30:00-08:00'), 1), la.zone)).toBe('2026-11-02T01:30:00-08:00');
  });

  it('moves a skipped wall time forward by the gap', () => {
    expect(show(la.addBusinessDays(at('2026-03-07T02:30:00-08:00'), 1), la.zone)).toBe('2026-03-08T03:30:00-07:00');
    expect(show(la.addBusinessDays(at('2026-03-07T02:30:00-08:00'), 2), la.zone)).toBe('2026-03-09T02:30:00-07:00');
  });

  it('steps calendar days on a 24x7 calendar, with the same rules', () => {
    const always = compileCalendar({ id: '24x7', zone: 'America/Los_Angeles', always_open: true });
    const second = at('2026-11-01T01:30:00-08:00');
    expect(always.addBusinessDays(second, 0)).toBe(second);
    expect(show(always.addBusinessDays(at('2026-03-07T02:30:00-08:00'), 1), always.zone)).toBe('2026-03-08T03:30:00-07:00');
    expect(show(always.addBusinessDays(at('2026-03-06T10:00:00-08:00'), 10), always.zone)).toBe('2026-03-16T10:00:00-07:00');
    expect(show(always.addBusinessDays(at('2026-10-31T01:30:00-07:00'), 1), always.zone)).toBe('2026-11-01T01:30:00-07:00');
  });

  it('lands on a Santiago midnight that never happens at 01:00', () => {
    const scl = cal('America/Santiago', everyDay([{ from: '00:00', to: '24:00' }]));
    expect(show(scl.addBusinessDays(at('2026-09-05T00:00:00-04:00'), 1), scl.zone)).toBe('2026-09-06T01:00:00-03:00');
  });
});
