import { compileCalendar, parseInstant } from '@hourglass/engine';
import { describe, expect, it } from 'vitest';
import { explainBetween } from '../src/format/explanation.js';
import { describeInstant, describeRange, localTime, startOfLocalDate } from '../src/format/local-time.js';
import { describeWeekly } from '../src/format/weekly.js';

describe('local times', () => {
  it('reads an instant in a zone with its weekday', () => {
    expect(localTime(parseInstant('2026-11-23T15:00:00Z'), 'America/Los_Angeles')).toEqual({
      iso: '2026-11-23T07:00:00-08:00',
      date: '2026-11-23',
      time: '07:00',
      weekday: 'Mon',
      offset: '-08:00',
    });
    expect(describeInstant(parseInstant('2026-11-23T15:00:30Z'), 'Asia/Kolkata')).toBe('Mon 2026-11-23 20:30:30 +05:30');
  });

  it('shows the end date of a range only when it differs', () => {
    const zone = 'Europe/Berlin';
    expect(describeRange(parseInstant('2026-11-20T12:00:00+01:00'), parseInstant('2026-11-20T17:00:00+01:00'), zone)).toBe('Fri 2026-11-20 12:00 → 17:00 +01:00');
    expect(describeRange(parseInstant('2026-10-24T12:00:00+02:00'), parseInstant('2026-10-26T00:00:00+01:00'), zone)).toBe('Sat 2026-10-24 12:00 → Mon 2026-10-26 00:00 +02:00 → +01:00');
  });

  it.each([
    ['2026-11-23', 'America/Los_Angeles', '2026-11-23T08:00:00.000Z'],
    ['2026-03-08', 'America/Los_Angeles', '2026-03-08T08:00:00.000Z'], // DST starts at 02:00 that day
    ['2026-03-09', 'America/Los_Angeles', '2026-03-09T07:00:00.000Z'],
    ['2026-11-01', 'America/Los_Angeles', '2026-11-01T07:00:00.000Z'], // DST ends at 02:00 that day
    ['2026-06-01', 'Asia/Kolkata', '2026-05-31T18:30:00.000Z'],
    ['2026-09-06', 'America/Santiago', '2026-09-06T04:00:00.000Z'], // midnight skipped: the day starts at 01:00 -03:00
  ])('finds the start of %s in %s', (date, zone, expected) => {
    expect(new Date(startOfLocalDate(date, zone)).toISOString()).toBe(expected);
  });
});

describe('weekly hours', () => {
  it('groups days with the same hours', () => {
    const hours = [{ from: '06:00', to: '18:00' }];
    expect(describeWeekly({ id: 'a', zone: 'UTC', weekly: { mon: hours, tue: hours, wed: hours, thu: hours, fri: hours } })).toBe('Mon–Fri 06:00–18:00');
    expect(describeWeekly({ id: 'b', zone: 'UTC', weekly: { mon: hours, wed: hours, sat: [{ from: '09:00', to: '12:00' }, { from: '13:00', to: '17:00' }], sun: [{ from: '09:00', to: '12:00' }, { from: '13:00', to: '17:00' }] } })).toBe(
      'Mon 06:00–18:00; Wed 06:00–18:00; Sat,Sun 09:00–12:00, 13:00–17:00',
    );
    const all = { mon: hours, tue: hours, wed: hours, thu: hours, fri: hours, sat: hours, sun: hours };
    expect(describeWeekly({ id: 'c', zone: 'UTC', weekly: all })).toBe('every day 06:00–18:00');
    expect(describeWeekly({ id: 'd', zone: 'UTC', always_open: true })).toBe('always open (24x7)');
  });
});

describe('explainBetween', () => {
  const calendar = compileCalendar({
    id: 'office',
    zone: 'America/Los_Angeles',
    weekly: { mon: [{ from: '06:00', to: '18:00' }], tue: [{ from: '06:00', to: '18:00' }], wed: [{ from: '06:00', to: '18:00' }], thu: [{ from: '06:00', to: '18:00' }], fri: [{ from: '06:00', to: '18:00' }] },
    holidays: [{ kind: 'date', name: 'Founders Day', date: '2026-11-24' }],
  });

  it('covers the whole span: open time plus closed time adds up to it', () => {
    const start = parseInstant('2026-11-20T19:00:00-08:00');
    const due = calendar.addBusinessDays(start, 2);
    expect(due).toBe(parseInstant('2026-11-25T19:00:00-08:00'));
    const { open, closed } = explainBetween(calendar, start, due);
    const total = [...open, ...closed].reduce((sum, s) => sum + (s.end - s.start), 0);
    expect(total).toBe(due - start);
    expect(closed[0]!.start).toBe(start);
    expect(closed[closed.length - 1]!.end).toBe(due);
    expect(closed.find((c) => c.reason === 'holiday')).toMatchObject({ name: 'Founders Day' });
  });

  it('matches the engine explanation for added business time', () => {
    const start = parseInstant('2026-11-20T17:00:00-08:00');
    const due = calendar.addBusinessTime(start, 2 * 3_600_000);
    const engine = calendar.explain(start, 2 * 3_600_000);
    expect(explainBetween(calendar, start, due)).toEqual({ open: engine.open, closed: engine.closed });
  });
});
