import { describe, expect, it } from 'vitest';
import { clockFromSetting, fixedClock, isMovable, offsetClock, systemClock } from './clock.js';

describe('the service clock', () => {
  it('is movable when fixed or offset, and the system clock otherwise', () => {
    expect(isMovable(clockFromSetting({ kind: 'system' }))).toBe(false);
    expect(clockFromSetting({ kind: 'system' })).toBe(systemClock);
    const fixed = clockFromSetting({ kind: 'fixed', at: Date.UTC(2026, 2, 1) });
    expect(isMovable(fixed) && fixed.now()).toBe(Date.UTC(2026, 2, 1));
    expect(isMovable(clockFromSetting({ kind: 'offset', startAt: Date.UTC(2026, 2, 1) }))).toBe(true);
  });

  it('runs an offset clock on from where it was set', () => {
    const base = fixedClock(1_000);
    const clock = offsetClock(50_000, base);
    base.advance(10);
    expect(clock.now()).toBe(50_010);
    clock.set(90_000);
    expect(clock.now()).toBe(90_000);
    base.advance(5);
    expect(clock.now()).toBe(90_005);
  });
});
