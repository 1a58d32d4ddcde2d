/** The brute-force reference itself, checked against values worked out by hand. */
import { describe, expect, it } from 'vitest';
import { ReferenceCalendar } from '../src/testing/reference.js';
import { instantOfLocal, localOf } from '../src/testing/wall-clock.js';
import type { CalendarSpec } from '../src/types.js';

const at = (iso: string) => Date.parse(iso);
const H = 3_600_000;

const officeHours: CalendarSpec = {
  id: 'office',
  zone: 'America/Los_Angeles',
  weekly: {
    mon: [{ from: '06:00', to: '18:00' }],
    tue: [{ from: '06:00', to: '18:00' }],
    wed: [{ from: '06:00', to: '18:00' }],
    thu: [{ from: '06:00', to: '18:00' }],
    fri: [{ from: '06:00', to: '18:00' }],
  },
  holidays: [
    { kind: 'nth_weekday', name: 'Thanksgiving Day', month: 11, weekday: 'thu', nth: 4 },
    { kind: 'nth_weekday', name: 'Day after Thanksgiving', month: 11, weekday: 'thu', nth: 4, offset_days: 1 },
    { kind: 'fixed', name: 'Independence Day', month: 7, day: 4, observed: 'nearest_weekday' },
    { kind: 'fixed', name: "New Year's Day", month: 1, day: 1, observed: 'nearest_weekday' },
    { kind: 'nth_weekday', name: 'Memorial Day', month: 5, weekday: 'mon', nth: -1 },
  ],
};

describe('reference wall clock', () => {
  it('reads wall times through Intl', () => {
    expect(localOf(at('2026-11-21T01:00:00Z'), 'America/Los_Angeles')).toBe(at('2026-11-20T17:00:00Z'));
    expect(localOf(at('2026-01-01T00:00:00Z'), 'Asia/Kathmandu')).toBe(at('2026-01-01T05:45:00Z'));
  });

  it('places skipped wall times forward by the gap and repeated ones at the earlier instant', () => {
    expect(instantOfLocal(at('2026-03-08T02:30:00Z'), 'America/Los_Angeles')).toBe(at('2026-03-08T10:30:00Z'));
    expect(instantOfLocal(at('2026-11-01T01:30:00Z'), 'America/Los_Angeles')).toBe(at('2026-11-01T08:30:00Z'));
    expect(instantOfLocal(at('2026-06-01T12:00:00Z'), 'Europe/Berlin')).toBe(at('2026-06-01T10:00:00Z'));
  });
});

describe('reference calendar', () => {
  const ref = new ReferenceCalendar(officeHours);

  it('lets a due time fall exactly on the closing time', () => {
    expect(ref.addBusinessTime(at('2026-11-20T17:00:00-08:00'), H)).toBe(at('2026-11-20T18:00:00-08:00'));
    expect(ref.addBusinessTime(at('2026-11-20T17:00:00-08:00'), 2 * H)).toBe(at('2026-11-23T07:00:00-08:00'));
  });

  it('skips Thanksgiving and the day after', () => {
    expect(ref.holidayNames('2026-11-26')).toEqual(['Thanksgiving Day']);
    expect(ref.holidayNames('2026-11-27')).toEqual(['Day after Thanksgiving']);
    expect(ref.addBusinessTime(at('2026-11-25T17:00:00-08:00'), 2 * H)).toBe(at('2026-11-30T07:00:00-08:00'));
    expect(ref.businessTimeBetween(at('2026-11-25T00:00:00-08:00'), at('2026-12-01T00:00:00-08:00'))).toBe(24 * H);
  });

  it('observes fixed holidays on the nearest weekday, across a year boundary', () => {
    expect(ref.holidayNames('2027-07-05')).toEqual(['Independence Day']);
    expect(ref.holidayNames('2027-07-04')).toEqual([]);
    expect(ref.holidayNames('2027-12-31')).toEqual(["New Year's Day"]);
    expect(ref.holidayNames('2026-05-25')).toEqual(['Memorial Day']);
  });

  it('answers open, next open and next close', () => {
    expect(ref.isOpen(at('2026-11-23T06:00:00-08:00'))).toBe(true);
    expect(ref.isOpen(at('2026-11-23T18:00:00-08:00'))).toBe(false);
    expect(ref.nextOpen(at('2026-11-21T10:00:00-08:00'))).toBe(at('2026-11-23T06:00:00-08:00'));
    expect(ref.nextClose(at('2026-11-21T10:00:00-08:00'))).toBe(at('2026-11-23T18:00:00-08:00'));
    expect(ref.openPeriods(at('2026-11-20T12:00:00-08:00'), at('2026-11-23T07:00:00-08:00'))).toEqual([
      { start: at('2026-11-20T12:00:00-08:00'), end: at('2026-11-20T18:00:00-08:00') },
      { start: at('2026-11-23T06:00:00-08:00'), end: at('2026-11-23T07:00:00-08:00') },
    ]);
  });

  it('steps business days keeping the wall time', () => {
    expect(ref.addBusinessDays(at('2026-11-25T10:15:00-08:00'), 1)).toBe(at('2026-11-30T10:15:00-08:00'));
    expect(ref.addBusinessDays(at('2026-11-21T10:15:00-08:00'), 0)).toBe(at('2026-11-23T06:00:00-08:00'));
    expect(ref.addBusinessDays(at('2026-11-21T10:15:00-08:00'), 2)).toBe(at('2026-11-25T06:00:00-08:00'));
  });

  it('closes a holiday date including hours that flow in from the day before', () => {
    const night = new ReferenceCalendar({
      id: 'night',
      zone: 'UTC',
      weekly: { mon: [{ from: '22:00', to: '02:00' }], tue: [{ from: '22:00', to: '02:00' }] },
      holidays: [{ kind: 'date', name: 'Closed Tuesday', date: '2026-01-06' }],
    });
    expect(night.isOpen(at('2026-01-05T23:00:00Z'))).toBe(true);
    expect(night.isOpen(at('2026-01-06T01:00:00Z'))).toBe(false);
    // The holiday closes its own date only: Tuesday's night hours go on into Wednesday.
    expect(night.isOpen(at('2026-01-06T23:00:00Z'))).toBe(false);
    expect(night.isOpen(at('2026-01-07T01:00:00Z'))).toBe(true);
    expect(night.businessTimeBetween(at('2026-01-05T00:00:00Z'), at('2026-01-08T00:00:00Z'))).toBe(4 * H);
  });
});
