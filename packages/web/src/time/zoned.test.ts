import { describe, expect, it } from 'vitest';
import { instantOfWallTime, wallTimeIn, zonedClock } from './zoned.js';

describe('wall clocks in a zone', () => {
  it('reads the wall time of an instant and the instant of a wall time', () => {
    const instant = Date.parse('2026-12-01T08:00:00Z');
    expect(wallTimeIn(instant, 'Europe/Berlin')).toBe('2026-12-01T09:00');
    expect(wallTimeIn(instant, 'America/Los_Angeles')).toBe('2026-12-01T00:00');
    expect(instantOfWallTime('2026-12-01T09:00', 'Europe/Berlin')).toBe(instant);
    expect(instantOfWallTime('2026-12-01 09:00', 'Europe/Berlin')).toBeNull();
    expect(instantOfWallTime('2026-13-01T09:00', 'Europe/Berlin')).toBeNull();
  });

  it('reads a skipped wall time with the offset from before the change, a repeated one as its first', () => {
    // 02:30 on 8 March 2026 does not exist in Los Angeles: read at -08:00, it is 03:30 PDT.
    expect(instantOfWallTime('2026-03-08T02:30', 'America/Los_Angeles')).toBe(Date.parse('2026-03-08T10:30:00Z'));
    // 01:30 on 1 November 2026 happens twice: the first, in PDT.
    expect(instantOfWallTime('2026-11-01T01:30', 'America/Los_Angeles')).toBe(Date.parse('2026-11-01T08:30:00Z'));
  });

  it('gives the weekday and time of day in the zone', () => {
    expect(zonedClock(Date.parse('2026-11-26T00:30:00Z'), 'America/Denver')).toEqual({ isoWeekday: 3, time: '17:30' });
    expect(zonedClock(Date.parse('2026-11-26T00:30:00Z'), 'Asia/Kolkata')).toEqual({ isoWeekday: 4, time: '06:00' });
  });
});
