/**
 * Bad calendar data and bad arguments: every kind of mistake gives an EngineError whose problems
 * say where (a path inside the spec) and what, never a crash.
 */
import { describe, expect, it } from 'vitest';
import { EngineError, compileCalendar, parseDuration, parseInstant, validateCalendarSpec, type CalendarSpec, type SpecProblem } from '../src/index.js';

const nineToFive = [{ from: '09:00', to: '17:00' }];
const good: CalendarSpec = { id: 'office', zone: 'Europe/Berlin', weekly: { mon: nineToFive, tue: nineToFive } };

/** Compiles, expecting failure; returns the error's problems. */
function problemsOf(spec: unknown): SpecProblem[] {
  let caught: unknown;
  try {
    compileCalendar(spec as CalendarSpec);
  } catch (e) {
    caught = e;
  }
  expect(caught, 'compileCalendar should have thrown').toBeInstanceOf(EngineError);
  const err = caught as EngineError;
  expect(err.code).toBe('invalid_calendar');
  expect(err.problems.length).toBeGreaterThan(0);
  // The message lists every problem with its path, in plain words.
  for (const p of err.problems) {
    expect(p.message.length).toBeGreaterThan(10);
    expect(err.message).toContain(p.message);
    if (p.path) expect(err.message).toContain(p.path);
  }
  // validateCalendarSpec reports the same list and never throws.
  expect(validateCalendarSpec(spec as CalendarSpec)).toEqual(err.problems);
  return err.problems;
}

const paths = (spec: unknown) => problemsOf(spec).map((p) => p.path);
const withSpec = (patch: Partial<CalendarSpec> & Record<string, unknown>) => ({ ...good, ...patch }) as CalendarSpec;

describe('calendar spec validation', () => {
  it('accepts a good calendar and a 24x7 one', () => {
    expect(validateCalendarSpec(good)).toEqual([]);
    expect(validateCalendarSpec({ id: '24x7', zone: 'UTC', always_open: true })).toEqual([]);
  });

  it('rejects something that is not a calendar at all', () => {
    expect(validateCalendarSpec(null as unknown as CalendarSpec)).toEqual([{ path: '', message: 'a calendar must be an object' }]);
    expect(() => compileCalendar(42 as unknown as CalendarSpec)).toThrow(EngineError);
  });

  it('needs an id', () => {
    expect(paths(withSpec({ id: '  ' }))).toEqual(['id']);
  });

  it.each(['Mars/Olympus_Mons', 'PST8', '', 'Europe/berlin ', 42])('rejects the zone %j', (zone) => {
    const problems = problemsOf(withSpec({ zone: zone as string }));
    expect(problems.map((p) => p.path)).toEqual(['zone']);
    expect(problems[0]!.message).toMatch(/unknown time zone.*IANA/);
  });

  it('rejects overlapping intervals on one day, naming both', () => {
    const problems = problemsOf(withSpec({ weekly: { mon: [{ from: '09:00', to: '13:00' }, { from: '12:00', to: '17:00' }] } }));
    expect(problems.map((p) => p.path)).toEqual(['weekly.mon[1]']);
    expect(problems[0]!.message).toContain('weekly.mon[0]');
  });

  it('rejects an interval across midnight that runs into the next day’s hours', () => {
    const problems = problemsOf(withSpec({ weekly: { mon: [{ from: '22:00', to: '02:00' }], tue: [{ from: '01:00', to: '05:00' }] } }));
    expect(problems).toHaveLength(1);
    expect([problems[0]!.path, problems[0]!.message]).toEqual(['weekly.tue[0]', expect.stringContaining('weekly.mon[0]')]);
  });

  it('rejects Sunday night hours that run into Monday’s, around the end of the week', () => {
    const problems = problemsOf(withSpec({ weekly: { mon: [{ from: '00:00', to: '08:00' }], sun: [{ from: '20:00', to: '01:00' }] } }));
    expect(problems).toHaveLength(1);
    expect(`${problems[0]!.path} ${problems[0]!.message}`).toMatch(/weekly\.sun\[0\].*weekly\.mon\[0\]|weekly\.mon\[0\].*weekly\.sun\[0\]/);
  });

  it('accepts intervals that only touch', () => {
    expect(validateCalendarSpec(withSpec({ weekly: { mon: [{ from: '09:00', to: '12:00' }, { from: '12:00', to: '17:00' }], tue: [{ from: '00:00', to: '24:00' }], wed: [{ from: '22:00', to: '00:00' }] } }))).toEqual([]);
  });

  it('rejects an empty interval and says how to write a whole day', () => {
    const problems = problemsOf(withSpec({ weekly: { wed: [{ from: '09:00', to: '09:00' }] } }));
    expect(problems[0]).toEqual({ path: 'weekly.wed[0]', message: expect.stringContaining('00:00–24:00') });
  });

  it.each([
    [{ from: '9:00', to: '17:00' }, 'weekly.mon[0].from'],
    [{ from: '25:00', to: '26:00' }, 'weekly.mon[0].from'],
    [{ from: '24:00', to: '02:00' }, 'weekly.mon[0].from'],
    [{ from: '09:00', to: '17:60' }, 'weekly.mon[0].to'],
    [{ from: '09:00', to: '24:30' }, 'weekly.mon[0].to'],
    [{ from: '09:00', to: '5pm' }, 'weekly.mon[0].to'],
    [{ from: '09:00' }, 'weekly.mon[0].to'],
    [{ from: 900, to: '17:00' }, 'weekly.mon[0].from'],
  ])('rejects the bad wall time in %j', (iv, path) => {
    expect(paths(withSpec({ weekly: { mon: [iv as never] } }))).toContain(path);
  });

  it('rejects an unknown weekday, a weekday that is not a list, and an interval that is not an object', () => {
    expect(paths(withSpec({ weekly: { mon: nineToFive, monday: nineToFive } as never }))).toEqual(['weekly.monday']);
    expect(paths(withSpec({ weekly: { mon: nineToFive, tue: '09:00-17:00' } as never }))).toEqual(['weekly.tue']);
    expect(paths(withSpec({ weekly: { mon: [nineToFive[0]!, 'x' as never] } }))).toEqual(['weekly.mon[1]']);
  });

  it('rejects a calendar that is never open', () => {
    for (const weekly of [undefined, {}, { mon: [], sat: [] }]) {
      const problems = problemsOf({ id: 'never', zone: 'UTC', weekly });
      expect(problems).toEqual([{ path: 'weekly', message: expect.stringMatching(/never open.*always_open/) }]);
    }
    // Holidays do not make it any more open; only closed exceptions do not either.
    expect(paths({ id: 'never', zone: 'UTC', exceptions: [{ date: '2026-01-01', closed: true }] })).toEqual(['weekly']);
  });

  it('counts special hours as open time', () => {
    expect(validateCalendarSpec({ id: 'once', zone: 'UTC', exceptions: [{ date: '2026-01-01', hours: nineToFive }] })).toEqual([]);
  });

  it('rejects weekly hours, holidays or exceptions on a 24x7 calendar', () => {
    expect(paths({ id: '24x7', zone: 'UTC', always_open: true, weekly: { mon: nineToFive }, holidays: [] })).toEqual(['weekly', 'holidays']);
  });

  it.each([
    [{ kind: 'date', name: 'Closure', date: '2026-02-30' }, ['holidays[0].date']],
    [{ kind: 'date', name: 'Closure', date: '30/01/2026' }, ['holidays[0].date']],
    [{ kind: 'date', date: '2026-01-30' }, ['holidays[0].name']],
    [{ kind: 'date', name: ' ', date: '2026-01-30' }, ['holidays[0].name']],
    [{ kind: 'fixed', name: 'Founders Day', month: 13, day: 1 }, ['holidays[0].month']],
    [{ kind: 'fixed', name: 'Founders Day', month: 0, day: 1 }, ['holidays[0].month']],
    [{ kind: 'fixed', name: 'Founders Day', month: 5, day: 32 }, ['holidays[0].day']],
    [{ kind: 'fixed', name: 'Founders Day', month: 5, day: 1.5 }, ['holidays[0].day']],
    [{ kind: 'fixed', name: 'Founders Day', month: 5, day: 1, observed: 'closest' }, ['holidays[0].observed']],
    [{ kind: 'nth_weekday', name: 'Harvest Day', month: 11, weekday: 'thursday', nth: 4 }, ['holidays[0].weekday']],
    [{ kind: 'nth_weekday', name: 'Harvest Day', month: 11, weekday: 'thu', nth: 6 }, ['holidays[0].nth']],
    [{ kind: 'nth_weekday', name: 'Harvest Day', month: 11, weekday: 'thu', nth: 0 }, ['holidays[0].nth']],
    [{ kind: 'nth_weekday', name: 'Harvest Day', month: 11, weekday: 'thu', nth: -2 }, ['holidays[0].nth']],
    [{ kind: 'nth_weekday', name: 'Harvest Day', month: 11, weekday: 'thu', nth: 4, offset_days: 20 }, ['holidays[0].offset_days']],
    [{ kind: 'nth_weekday', name: 'Harvest Day', weekday: 'thu', nth: 4 }, ['holidays[0].month']],
    [{ kind: 'easter', name: 'Easter Monday' }, ['holidays[0].kind']],
    [{ name: 'No kind' }, ['holidays[0].kind']],
    [{ kind: 'library' }, ['holidays[0].country']],
    [{ kind: 'library', country: 'XX' }, ['holidays[0]']],
    [{ kind: 'library', country: 'DE', state: 'ZZ' }, ['holidays[0]']],
    [{ kind: 'library', country: 'US', region: 'LA' }, ['holidays[0]']],
    [{ kind: 'library', country: 'US', types: ['public', 'bogus'] }, ['holidays[0]']],
  ])('rejects the holiday %j', (holiday, expected) => {
    expect(paths(withSpec({ holidays: [{ kind: 'date', name: 'Fine', date: '2026-01-01' }, holiday as never] }))).toEqual(expected.map((p) => p.replace('[0]', '[1]')));
  });

  it('explains an unknown library country, state or holiday type in plain words', () => {
    const [country] = problemsOf(withSpec({ holidays: [{ kind: 'library', country: 'XX' }] }));
    expect(country!.message).toMatch(/unknown country "XX".*ISO 3166/);
    const [state] = problemsOf(withSpec({ holidays: [{ kind: 'library', country: 'DE', state: 'ZZ' }] }));
    expect(state!.message).toMatch(/unknown state "ZZ" of DE \(known: .*BE/);
    const [type] = problemsOf(withSpec({ holidays: [{ kind: 'library', country: 'US', types: ['bogus'] }] }));
    expect(type!.message).toMatch(/unknown holiday type "bogus" \(use public, bank/);
  });

  it.each([
    [[{ date: '2026-13-01', closed: true }], ['exceptions[0].date']],
    [[{ date: '2026-05-01' }], ['exceptions[0]']],
    [[{ date: '2026-05-01', hours: [] }], ['exceptions[0]']],
    [[{ date: '2026-05-01', closed: true, hours: nineToFive }], ['exceptions[0]']],
    [[{ date: '2026-05-01', closed: true }, { date: '2026-05-01', hours: nineToFive }], ['exceptions[1].date']],
    [[{ date: '2026-05-01', hours: [{ from: '08:00', to: '12:00' }, { from: '11:00', to: '14:00' }] }], ['exceptions[0].hours[1]']],
    [[{ date: '2026-05-01', hours: [{ from: '08:00', to: '08:00' }] }], ['exceptions[0].hours[0]']],
    [[{ date: '2026-05-01', hours: [{ from: '08:00', to: '31:00' }] }], ['exceptions[0].hours[0].to']],
  ])('rejects the exceptions %j', (exceptions, expected) => {
    expect(paths(withSpec({ exceptions: exceptions as never }))).toEqual(expected);
  });

  it('reports every problem at once', () => {
    const problems = problemsOf({
      id: 'broken',
      zone: 'Nowhere/City',
      weekly: { mon: [{ from: '09:00', to: '09:00' }], tue: [{ from: '08:00', to: '12:00' }, { from: '10:00', to: '25:00' }], fri: [{ from: '08:00', to: '12:00' }, { from: '10:00', to: '14:00' }] },
      holidays: [{ kind: 'fixed', name: 'Founders Day', month: 2, day: 30, observed: 'maybe' }],
      exceptions: [{ date: '2026-02-29', closed: true }],
    });
    expect(problems.map((p) => p.path).sort()).toEqual(['exceptions[0].date', 'holidays[0].observed', 'weekly.fri[1]', 'weekly.mon[0]', 'weekly.tue[1].to', 'zone'].sort());
  });
});

describe('bad arguments to a compiled calendar', () => {
  const cal = compileCalendar(good);
  const t = parseInstant('2026-03-02T10:00:00+01:00');

  const codeOf = (f: () => unknown): string | undefined => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(EngineError);
      return (e as EngineError).code;
    }
    return undefined;
  };

  it('rejects instants that are not finite numbers', () => {
    expect(codeOf(() => cal.isOpen(Number.NaN))).toBe('invalid_argument');
    expect(codeOf(() => cal.nextOpen(Number.POSITIVE_INFINITY))).toBe('invalid_argument');
    expect(codeOf(() => cal.businessTimeBetween(t, '2026-03-02' as never))).toBe('invalid_argument');
    expect(codeOf(() => cal.openPeriods(t, Number.NaN))).toBe('invalid_argument');
  });

  it('rejects negative or non-numeric durations and day counts', () => {
    expect(codeOf(() => cal.addBusinessTime(t, -1))).toBe('invalid_duration');
    expect(codeOf(() => cal.explain(t, Number.NaN))).toBe('invalid_duration');
    expect(codeOf(() => cal.addBusinessDays(t, -1))).toBe('invalid_argument');
    expect(codeOf(() => cal.addBusinessDays(t, 1.5))).toBe('invalid_argument');
  });

  it('rejects dates that are not dates', () => {
    expect(codeOf(() => cal.isBusinessDate('2026-02-29'))).toBe('invalid_argument');
    expect(codeOf(() => cal.isBusinessDate('tomorrow'))).toBe('invalid_argument');
    expect(codeOf(() => cal.holidaysBetween('2026-01-01', '2026-13-01'))).toBe('invalid_argument');
  });

  it('rejects unreadable instants and durations with a hint of the right form', () => {
    for (const text of ['2026-03-02T10:00:00', '2026-03-02', 'yesterday', '2026-02-30T10:00:00Z']) {
      expect(() => parseInstant(text)).toThrow(/not a valid instant.*ISO 8601 with an offset/);
    }
    for (const text of ['-1h', '', '2 fortnights', 'P1D', 'PT']) {
      expect(() => parseDuration(text)).toThrow(/not a valid duration.*write e\.g\./);
    }
  });
});
