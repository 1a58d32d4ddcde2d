import { describe, expect, it } from 'vitest';
import { compileCalendar, EngineError, HOUR } from '@hourglass/engine';

describe('the answered range (years 1800 to 2500)', () => {
  const always = compileCalendar({ id: '24x7', zone: 'UTC', always_open: true });
  const office = compileCalendar({ id: 'office', zone: 'UTC', weekly: { mon: [{ from: '09:00', to: '17:00' }] } });

  it('refuses a due time past 2500 on a 24x7 calendar as it does on others', () => {
    const start = Date.UTC(2026, 0, 1);
    for (const schedule of [always, office]) {
      const error = (() => {
        try {
          schedule.addBusinessTime(start, 5_000_000 * HOUR);
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(EngineError);
      expect((error as EngineError).code).toBe('out_of_range');
    }
  });

  it('answers up to the edge', () => {
    expect(always.addBusinessTime(Date.UTC(2499, 0, 1), HOUR)).toBe(Date.UTC(2499, 0, 1, 1));
  });
});
