import { describe, expect, it } from 'vitest';
import { EMPTY_COUNTER, finishAttempt, lockAfter, PENDING_EXPIRES_MS, settleTime, startAttempt, type ThrottleRule } from './throttle-rules.js';

const RULE: ThrottleRule = { free: 3, baseDelayMs: 1000, maxDelayMs: 8000, forgiveMs: 60_000, resetOnSuccess: true };

describe('throttle rules', () => {
  it('locks from the free-th failure on, doubling up to the maximum', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 50].map((n) => lockAfter(n, RULE))).toEqual([0, 0, 1000, 2000, 4000, 8000, 8000, 8000]);
  });

  it('lets only `free` attempts run at once, and one at a time once that many are counted', () => {
    let state = EMPTY_COUNTER(0);
    for (let i = 0; i < 3; i++) {
      const started = startAttempt(state, RULE, 0);
      expect(started.allowed).toBe(true);
      if (started.allowed) state = started.next;
    }
    expect(startAttempt(state, RULE, 0)).toEqual({ allowed: false, retryAfterMs: 1000 });
    state = finishAttempt(state, RULE, 10, 'failure');
    state = finishAttempt(state, RULE, 10, 'failure');
    expect(startAttempt(state, RULE, 10).allowed).toBe(false); // 2 failures + 1 under way
    state = finishAttempt(state, RULE, 10, 'failure');
    expect(state.blockedUntil).toBe(1010);
    expect(startAttempt(state, RULE, 500)).toEqual({ allowed: false, retryAfterMs: 510 });
    expect(startAttempt(state, RULE, 1010).allowed).toBe(true);
  });

  it('forgives one failure per period, forgets attempts lost with their process, and clears on success where told to', () => {
    const counted = { failures: 3, failuresSince: 0, pending: 2, pendingSince: 0, blockedUntil: 1000 };
    expect(settleTime(counted, RULE, 130_000)).toEqual({ failures: 1, failuresSince: 120_000, pending: 0, pendingSince: null, blockedUntil: null });
    expect(settleTime(counted, RULE, PENDING_EXPIRES_MS).pending).toBe(2);
    expect(finishAttempt(counted, RULE, 10, 'success')).toMatchObject({ failures: 0, blockedUntil: null, pending: 1 });
    expect(finishAttempt(counted, { ...RULE, resetOnSuccess: false }, 10, 'success')).toMatchObject({ failures: 3, blockedUntil: 1000, pending: 1 });
    expect(finishAttempt(counted, { ...RULE, resetOnSuccess: false, countsEveryUse: true }, 10, 'success')).toMatchObject({ failures: 4, blockedUntil: 2010 });
    expect(finishAttempt(counted, RULE, 10, 'void')).toMatchObject({ failures: 3, pending: 1 });
  });
});
