/** Explanations worked out by hand: the open segments counted and each closed period with its reason. */
import { describe, expect, it } from 'vitest';
import { HOUR, compileCalendar, formatInstant, parseInstant, type CalendarSpec, type Explanation } from '../src/index.js';

const day = [{ from: '06:00', to: '18:00' }];
const office: CalendarSpec = {
  id: 'office',
  zone: 'America/Los_Angeles',
  weekly: { mon: day, tue: day, wed: day, thu: day, fri: day },
  holidays: [
    { kind: 'nth_weekday', name: 'Thanksgiving Day', month: 11, weekday: 'thu', nth: 4 },
    { kind: 'nth_weekday', name: 'Day after Thanksgiving', month: 11, weekday: 'thu', nth: 4, offset_days: 1 },
    { kind: 'fixed', name: 'Founders Day', month: 11, day: 27 },
  ],
  exceptions: [
    { date: '2026-12-08', closed: true, reason: 'Offsite' },
    { date: '2026-12-09', hours: [{ from: '10:00', to: '12:00' }] },
  ],
};
const cal = compileCalendar(office);

/** The explanation with every instant written in the calendar's zone. */
function readable(x: Explanation) {
  const f = (t: number) => formatInstant(t, x.zone);
  return {
    due: f(x.due),
    open: x.open.map((s) => `${f(s.start)} ${f(s.end)}`),
    closed: x.closed.map((c) => `${f(c.start)} ${f(c.end)} ${c.reason}${c.name === undefined ? '' : ` ${c.name}`}`),
  };
}

describe('explain', () => {
  it('labels the night, the weekend and the next morning', () => {
    expect(readable(cal.explain(parseInstant('2026-11-20T17:00:00-08:00'), 2 * HOUR))).toEqual({
      due: '2026-11-23T07:00:00-08:00',
      open: ['2026-11-20T17:00:00-08:00 2026-11-20T18:00:00-08:00', '2026-11-23T06:00:00-08:00 2026-11-23T07:00:00-08:00'],
      closed: [
        '2026-11-20T18:00:00-08:00 2026-11-21T00:00:00-08:00 night',
        '2026-11-21T00:00:00-08:00 2026-11-23T00:00:00-08:00 weekend',
        '2026-11-23T00:00:00-08:00 2026-11-23T06:00:00-08:00 night',
      ],
    });
  });

  it('names each holiday, and both names where two fall on one date', () => {
    expect(readable(cal.explain(parseInstant('2026-11-25T17:30:00-08:00'), HOUR))).toEqual({
      due: '2026-11-30T06:30:00-08:00',
      open: ['2026-11-25T17:30:00-08:00 2026-11-25T18:00:00-08:00', '2026-11-30T06:00:00-08:00 2026-11-30T06:30:00-08:00'],
      closed: [
        '2026-11-25T18:00:00-08:00 2026-11-26T00:00:00-08:00 night',
        '2026-11-26T00:00:00-08:00 2026-11-27T00:00:00-08:00 holiday Thanksgiving Day',
        '2026-11-27T00:00:00-08:00 2026-11-28T00:00:00-08:00 holiday Day after Thanksgiving / Founders Day',
        '2026-11-28T00:00:00-08:00 2026-11-30T00:00:00-08:00 weekend',
        '2026-11-30T00:00:00-08:00 2026-11-30T06:00:00-08:00 night',
      ],
    });
  });

  it('labels closed and special-hours exceptions', () => {
    expect(readable(cal.explain(parseInstant('2026-12-07T17:00:00-08:00'), 2 * HOUR))).toEqual({
      due: '2026-12-09T11:00:00-08:00',
      open: ['2026-12-07T17:00:00-08:00 2026-12-07T18:00:00-08:00', '2026-12-09T10:00:00-08:00 2026-12-09T11:00:00-08:00'],
      closed: [
        '2026-12-07T18:00:00-08:00 2026-12-08T00:00:00-08:00 night',
        '2026-12-08T00:00:00-08:00 2026-12-09T00:00:00-08:00 exception Offsite',
        '2026-12-09T00:00:00-08:00 2026-12-09T10:00:00-08:00 exception special hours',
      ],
    });
  });

  it('has nothing closed to explain inside an open period, and nothing at all for a zero duration', () => {
    expect(readable(cal.explain(parseInstant('2026-11-16T09:00:00-08:00'), 3 * HOUR))).toEqual({
      due: '2026-11-16T12:00:00-08:00',
      open: ['2026-11-16T09:00:00-08:00 2026-11-16T12:00:00-08:00'],
      closed: [],
    });
    expect(readable(cal.explain(parseInstant('2026-11-21T09:00:00-08:00'), 0))).toEqual({ due: '2026-11-21T09:00:00-08:00', open: [], closed: [] });
  });

  it('labels a weekday without hours as a closed day, across a DST change', () => {
    const noWednesday = compileCalendar({ ...office, id: 'no-wednesday', weekly: { mon: day, tue: day, thu: day, fri: day }, holidays: [], exceptions: [] });
    expect(readable(noWednesday.explain(parseInstant('2026-03-03T17:00:00-08:00'), 2 * HOUR)).closed).toEqual([
      '2026-03-03T18:00:00-08:00 2026-03-04T00:00:00-08:00 night',
      '2026-03-04T00:00:00-08:00 2026-03-05T00:00:00-08:00 closed_day',
      '2026-03-05T00:00:00-08:00 2026-03-05T06:00:00-08:00 night',
    ]);
    expect(readable(noWednesday.explain(parseInstant('2026-03-06T17:00:00-08:00'), 2 * HOUR))).toEqual({
      due: '2026-03-09T07:00:00-07:00',
      open: ['2026-03-06T17:00:00-08:00 2026-03-06T18:00:00-08:00', '2026-03-09T06:00:00-07:00 2026-03-09T07:00:00-07:00'],
      closed: [
        '2026-03-06T18:00:00-08:00 2026-03-07T00:00:00-08:00 night',
        '2026-03-07T00:00:00-08:00 2026-03-09T00:00:00-07:00 weekend',
        '2026-03-09T00:00:00-07:00 2026-03-09T06:00:00-07:00 night',
      ],
    });
  });
});
