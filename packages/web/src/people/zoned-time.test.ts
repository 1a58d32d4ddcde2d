import { describe, expect, it } from 'vitest';
import { instantOfWallTime, wallTimeIn } from './zoned-time.js';

describe('wall times in a zone', () => {
  it('turns a wall time in a zone into its instant and back', () => {
    expect(new Date(instantOfWallTime('2026-12-01T09:00', 'Europe/Berlin')!).toISOString()).toBe('2026-12-01T08:00:00.000Z');
    expect(new Date(instantOfWallTime('2026-07-01T09:00', 'Europe/Berlin')!).toISOString()).toBe('2026-07-01T07:00:00.000Z');
    expect(new Date(instantOfWallTime('2026-11-25T16:30', 'America/Los_Angeles')!).toISOString()).toBe('2026-11-26T00:30:00.000Z');
    expect(wallTimeIn(Date.parse('2026-11-26T00:30:00Z'), 'America/Los_Angeles')).toBe('2026-11-25T16:30');
    expect(wallTimeIn(Date.parse('2026-11-26T00:30:00Z'), 'Asia/Kolkata')).toBe('2026-11-26T06:00');
  });

  it('reads the hour after a spring-forward gap and refuses other text', () => {
    // 02:30 does not exist in Berlin on 29 March 2026; it is read as 03:30 local (01:30 UTC).
    expect(new Date(instantOfWallTime('2026-03-29T02:30', 'Europe/Berlin')!).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(instantOfWallTime('next tuesday', 'UTC')).toBeNull();
    expect(instantOfWallTime('', 'UTC')).toBeNull();
  });
});
