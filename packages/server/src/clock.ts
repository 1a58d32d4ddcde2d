import type { ClockSetting } from './config.js';

/** The one source of "now" for the service. Domain code receives a Clock; it never reads the system time. */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

/** A clock that stands still until told to move. For tests and demos. */
export interface FixedClock extends Clock {
  set(at: number): void;
  advance(ms: number): void;
}

export const systemClock: Clock = { now: () => Date.now() };

export function fixedClock(at: number): FixedClock {
  let current = at;
  return {
    now: () => current,
    set(next) {
      current = next;
    },
    advance(ms) {
      if (!Number.isFinite(ms)) throw new RangeError(`Cannot advance the clock by ${ms} ms; give a finite number.`);
      current += ms;
    },
  };
}

/** A clock that reads `startAt` at the moment it is made and then runs at the speed of the system clock. */
export function offsetClock(startAt: number, base: Clock = systemClock): Clock {
  const offset = startAt - base.now();
  return { now: () => base.now() + offset };
}

export function clockFromSetting(setting: ClockSetting): Clock {
  switch (setting.kind) {
    case 'system':
      return systemClock;
    case 'fixed':
      return fixedClock(setting.at);
    case 'offset':
      return offsetClock(setting.startAt);
  }
}
