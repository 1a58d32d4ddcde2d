import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOUR } from './duration.js';
import { englishText, hoursText } from './english.js';
import { checkRecency, checkShortPathRecency, type RecencyCheck } from './recency.js';

const opened = Date.parse('2026-11-23T12:00:00-08:00');
const voice = { okWithin: 24 * HOUR, bestEffortWithin: 48 * HOUR };
const hoursBefore = (h: number) => opened - h * HOUR;
const words = (check: RecencyCheck) => (check.verdict === 'ok' ? null : englishText(check.found));

describe('checkRecency', () => {
  it('voice: within 24 hours is fine, including exactly 24 hours', () => {
    expect(checkRecency('Time of call', hoursBefore(2), opened, voice)).toEqual({ verdict: 'ok' });
    expect(checkRecency('Time of call', hoursBefore(24), opened, voice)).toEqual({ verdict: 'ok' });
  });

  it('voice: 24–48 hours is best effort', () => {
    const check = checkRecency('Time of call', hoursBefore(30), opened, voice);
    expect(check).toEqual({
      verdict: 'best_effort',
      found: { code: 'intake.recency.bestEffort', args: { label: 'Time of call', age: 30 * HOUR, okWithin: 24 * HOUR, bestEffortWithin: 48 * HOUR } },
    });
    expect(words(check)).toBe(
      'Time of call is 30 hours before the ticket was opened. Examples from the last 24 hours are best; between 24 hours and 48 hours the providers are asked on a best-effort basis and may no longer have the records. Add a more recent example if you can.',
    );
  });

  it('voice: older than 48 hours is too old to investigate', () => {
    expect(words(checkRecency('Time of call', hoursBefore(49), opened, voice))).toBe(
      'Time of call is 49 hours before the ticket was opened: older than 48 hours is too old to investigate, because providers keep these records for only about 24 hours. Give an example from the last 24 hours.',
    );
  });

  it('messaging: one window of 72 hours', () => {
    const messaging = { okWithin: 72 * HOUR };
    expect(checkRecency('Time of message', hoursBefore(72), opened, messaging).verdict).toBe('ok');
    expect(checkRecency('Time of message', hoursBefore(73), opened, messaging).verdict).toBe('too_old');
  });

  it('a moment after the ticket was opened is refused', () => {
    expect(checkRecency('Time of call', opened + 1, opened, voice).verdict).toBe('after_opening');
  });

  it('the short form may want a more recent example than the full one', () => {
    expect(checkShortPathRecency('Time of message', hoursBefore(48), opened, { okWithin: 48 * HOUR }, { okWithin: 72 * HOUR })).toBeNull();
    const late = checkShortPathRecency('Time of message', hoursBefore(60), opened, { okWithin: 48 * HOUR }, null);
    expect(late).toEqual({ code: 'intake.recency.tooOldForShortForm', args: { label: 'Time of message', age: 60 * HOUR, limit: 48 * HOUR, fullLimit: null } });
    expect(englishText(late!)).toContain('(the examples the form asks for).');
  });

  it('writes hours plainly', () => {
    expect(hoursText(HOUR)).toBe('1 hour');
    expect(hoursText(26.5 * HOUR)).toBe('26.5 hours');
  });
});

describe('checkRecency: the verdict is a function of the age alone', () => {
  it('ok up to okWithin, best effort up to bestEffortWithin, then too old; never negative', () => {
    fc.assert(
      fc.property(fc.integer({ min: -HOUR, max: 100 * HOUR }), (age) => {
        const verdict = checkRecency('Time of call', opened - age, opened, voice).verdict;
        const expected = age < 0 ? 'after_opening' : age <= 24 * HOUR ? 'ok' : age <= 48 * HOUR ? 'best_effort' : 'too_old';
        expect(verdict).toBe(expected);
      }),
    );
  });
});
