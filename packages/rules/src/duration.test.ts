import { parseDuration } from '@hourglass/engine';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOUR, MINUTE, readDuration } from './duration.js';

/** The engine's reading (the one the policy packs are validated with), or null where it refuses. */
function engine(text: string): number | null {
  try {
    return parseDuration(text);
  } catch {
    return null;
  }
}

const unit = fc.constantFrom('h', 'hr', 'hrs', 'hour', 'hours', 'm', 'min', 'mins', 'minute', 'minutes', 's', 'sec', 'seconds', 'H', 'd', 'ms', 'x');
const amount = fc.oneof(fc.nat({ max: 500 }).map(String), fc.tuple(fc.nat({ max: 99 }), fc.nat({ max: 99 })).map(([a, b]) => `${a}.${b}`));
const compact = fc.array(fc.tuple(amount, fc.constantFrom('', ' '), unit).map(([a, space, u]) => `${a}${space}${u}`), { minLength: 1, maxLength: 3 }).map((parts) => parts.join(' '));
const iso = fc.tuple(fc.option(amount), fc.option(amount), fc.option(amount), fc.constantFrom('PT', 'pt', 'P', 'PT1D')).map(([h, m, s, lead]) => `${lead}${h === null ? '' : `${h}H`}${m === null ? '' : `${m}M`}${s === null ? '' : `${s}S`}`);

describe('readDuration', () => {
  it('reads what packs write', () => {
    expect(readDuration('24h')).toBe(24 * HOUR);
    expect(readDuration('PT72H')).toBe(72 * HOUR);
    expect(readDuration('1h30m')).toBe(90 * MINUTE);
    expect(readDuration('30min')).toBe(30 * MINUTE);
    expect(readDuration(5000)).toBe(5000);
    expect(readDuration('soon')).toBeNull();
    expect(readDuration('-1h')).toBeNull();
  });

  it('reads every duration exactly as the engine that validates the packs does, and refuses what it refuses', () => {
    fc.assert(
      fc.property(fc.oneof(compact, iso, fc.string({ maxLength: 8 })), (text) => {
        expect(readDuration(text)).toBe(engine(text));
      }),
      { numRuns: 2000 },
    );
  });
});
