/**
 * Business days and fractional business hours on the shipped packs' calendars, worked out by hand
 * from SPEC.md (see shipped-targets.test.ts for the calendars) and written down with their offsets.
 *
 * Business days (SPEC.md): a business date is a local date with open hours that is not a holiday;
 * off a business date, first move to the opening of the next one; then step N business dates and
 * keep the local wall time.
 */
import { HOUR, formatInstant, parseInstant } from '@hourglass/engine';
import { loadShippedPacks, type PolicyRegistry } from '@hourglass/policy';
import { beforeAll, describe, expect, it } from 'vitest';

interface CalendarCase {
  policy: string;
  calendar: string;
  start: string;
  business_days?: number;
  business_hours?: number;
  due: string;
  why: string;
}

const TW = 'twilio-business-hours';
const days = (policy: string, calendar: string, start: string, n: number, due: string, why: string): CalendarCase => ({ policy, calendar, start, business_days: n, due, why });
const hours = (policy: string, calendar: string, start: string, h: number, due: string, why: string): CalendarCase => ({ policy, calendar, start, business_hours: h, due, why });

const CASES: CalendarCase[] = [
  days('twilio', TW, '2026-11-23T10:00:00-08:00', 5, '2026-12-02T10:00:00-08:00', '+5 across Thanksgiving and the day after: Tue, Wed, Mon, Tue, Wed'),
  days('twilio', TW, '2026-11-23T10:00:00-08:00', 10, '2026-12-09T10:00:00-08:00', '+10 across Thanksgiving'),
  days('twilio', TW, '2026-03-04T09:00:00-08:00', 5, '2026-03-11T09:00:00-07:00', '+5 across spring-forward keeps 09:00'),
  days('twilio', TW, '2026-10-26T17:30:00-07:00', 10, '2026-11-09T17:30:00-08:00', '+10 across fall-back keeps 17:30'),
  days('twilio', TW, '2026-03-06T06:30:00-08:00', 5, '2026-03-13T06:30:00-07:00', '+5 from a Friday across spring-forward'),
  days('twilio', TW, '2026-11-21T10:00:00-08:00', 5, '2026-12-02T06:00:00-08:00', 'Saturday start moves to Monday 06:00 first'),
  days('twilio', TW, '2026-11-22T15:00:00-08:00', 0, '2026-11-23T06:00:00-08:00', '+0 from Sunday is the Monday opening'),
  days('twilio', TW, '2026-11-26T12:00:00-08:00', 1, '2026-12-01T06:00:00-08:00', 'Thanksgiving start moves to Monday 06:00, then +1'),
  days('twilio', TW, '2026-11-24T22:00:00-08:00', 1, '2026-11-25T22:00:00-08:00', 'night on a business date keeps its wall time'),
  days('twilio', TW, '2026-07-01T11:00:00-07:00', 5, '2026-07-09T11:00:00-07:00', '+5 across the observed Independence Day'),
  days('twilio', TW, '2027-12-23T09:00:00-08:00', 10, '2028-01-10T09:00:00-08:00', '+10 across Christmas and New Year 2028, both observed on Fridays'),
  days('twilio', TW, '2026-05-22T12:00:00-07:00', 1, '2026-05-26T12:00:00-07:00', '+1 across Memorial Day'),
  days('twilio', TW, '2026-09-04T08:00:00-07:00', 5, '2026-09-14T08:00:00-07:00', '+5 across Labor Day'),
  days('twilio', TW, '2026-11-16T10:00:00-08:00', 0, '2026-11-16T10:00:00-08:00', '+0 on a business date does not move'),
  days('twilio', TW, '2026-11-21T02:30:00Z', 1, '2026-11-23T18:30:00-08:00', 'start given in UTC (Fri 18:30 PST): a business date, so its wall time is kept'),
  days('360dialog', '360dialog-standard', '2026-11-21T10:00:00+01:00', 2, '2026-11-25T02:00:00+01:00', 'Saturday moves to Monday 02:00, then +2'),
  days('360dialog', '360dialog-standard', '2026-03-27T12:00:00+01:00', 1, '2026-03-30T12:00:00+02:00', '+1 across the EU spring-forward weekend'),
  days('360dialog', '360dialog-standard', '2026-10-23T12:00:00+02:00', 1, '2026-10-26T12:00:00+01:00', '+1 across the EU fall-back weekend'),
  days('360dialog', '360dialog-premium', '2026-11-20T12:00:00+01:00', 2, '2026-11-22T12:00:00+01:00', 'premium weekends are business dates'),
  days('exotel', 'exotel-sme', '2026-11-21T23:00:00+05:30', 3, '2026-11-24T23:00:00+05:30', 'every day is a business date, night kept'),

  hours('twilio', TW, '2026-11-20T17:00:00-08:00', 1.5, '2026-11-23T06:30:00-08:00', '1.5h: Fri 1h, Mon 0.5h'),
  hours('twilio', TW, '2026-11-20T17:50:00-08:00', 0.25, '2026-11-23T06:05:00-08:00', '0.25h: Fri 10 min, Mon 5 min'),
  hours('twilio', TW, '2026-11-25T16:00:00-08:00', 2.75, '2026-11-30T06:45:00-08:00', '2.75h across Thanksgiving'),
  hours('twilio', TW, '2026-11-16T06:00:00-08:00', 12, '2026-11-16T18:00:00-08:00', 'a whole day, due exactly at the close'),
  hours('twilio', TW, '2026-11-21T12:00:00-08:00', 0.1, '2026-11-23T06:06:00-08:00', '0.1h from Saturday'),
  hours('twilio', TW, '2026-11-23T06:00:00-08:00', 36, '2026-11-25T18:00:00-08:00', '36h: three whole days, due at the close before Thanksgiving'),
  hours('twilio', TW, '2026-11-23T06:00:00-08:00', 36.5, '2026-11-30T06:30:00-08:00', '36.5h: the last half hour after Thanksgiving'),
  hours('twilio', TW, '2026-03-06T17:00:00-08:00', 2.5, '2026-03-09T07:30:00-07:00', '2.5h across spring-forward'),
  hours('360dialog', '360dialog-premium', '2026-11-22T16:45:00+01:00', 0.5, '2026-11-23T00:15:00+01:00', '0.5h: Sun 15 min, Mon from midnight 15 min'),
  hours('360dialog', '360dialog-standard', '2026-10-23T21:30:00+02:00', 0.75, '2026-10-26T02:15:00+01:00', '0.75h across fall-back'),
  hours('exotel', 'exotel-sme', '2026-11-21T21:00:00+05:30', 1.5, '2026-11-22T08:30:00+05:30', '1.5h: 1h, then 08:00 next day 0.5h'),
];

let registry: PolicyRegistry;
beforeAll(async () => {
  registry = await loadShippedPacks();
});

describe('shipped calendars, worked out by hand', () => {
  it.each(CASES.map((c) => [`${c.calendar} ${c.start} + ${c.business_days ?? c.business_hours} ${c.business_days === undefined ? 'business hours' : 'business days'}: ${c.why}`, c] as const))('%s', (_, c) => {
    const start = parseInstant(c.start);
    const cal = registry.pack(c.policy).versionAt(start).calendar(c.calendar);
    const due = c.business_days === undefined ? cal.addBusinessTime(start, Math.round(c.business_hours! * HOUR)) : cal.addBusinessDays(start, c.business_days);
    expect(due, `due ${formatInstant(due, cal.zone)}, expected ${c.due}`).toBe(parseInstant(c.due));
  });
});
