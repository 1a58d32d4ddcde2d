/** HOURGLASS_CLOCK: the system clock, a fixed instant, or a clock running from a given instant. */
export type ClockSetting =
  | { kind: 'system' }
  | { kind: 'fixed'; at: number }
  | { kind: 'offset'; startAt: number };

/** The one source of "now" for the service. Domain code receives a Clock; it never reads the system time. */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

/** A clock an admin may move forward (HOURGLASS_CLOCK fixed or offset): the demo's time travel. */
export interface MovableClock extends Clock {
  set(at: number): void;
}

/** A clock that stands still until told to move. For tests and demos. */
export interface FixedClock extends MovableClock {
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

/**
 * A clock that reads `startAt` at the moment it is made and then runs at the speed of the system
 * clock; `set` moves it to another instant, from which it runs on.
 */
export function offsetClock(startAt: number, base: Clock = systemClock): MovableClock {
  let offset = startAt - base.now();
  return {
    now: () => base.now() + offset,
    set(at) {
      offset = at - base.now();
    },
  };
}

export function isMovable(clock: Clock): clock is MovableClock {
  return typeof (clock as Partial<MovableClock>).set === 'function';
}

/** The service clock for a setting: movable when the setting is fixed or offset, the system clock otherwise. */
export function clockFromSetting(setting: ClockSetting): Clock | MovableClock {
  switch (setting.kind) {
    case 'system':
      return systemClock;
    case 'fixed':
      return fixedClock(setting.at);
    case 'offset':
      return offsetClock(setting.startAt);
  }
}
