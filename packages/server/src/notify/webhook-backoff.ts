/**
 * When to try a webhook delivery again. After attempt n (1-based) the next one waits
 * RETRY_DELAYS_MS[n-1], spread by up to ±JITTER so that many endpoints failing together do not
 * come back in step. After MAX_ATTEMPTS the delivery is dead-lettered.
 */
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

export const RETRY_DELAYS_MS: readonly number[] = [10 * SECOND, 30 * SECOND, 2 * MINUTE, 10 * MINUTE, HOUR, 6 * HOUR, 12 * HOUR];
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
export const JITTER = 0.2;

export type NextAttempt = { kind: 'retry'; at: number; delayMs: number } | { kind: 'dead_letter' };

/** The shortest and longest wait after `attempts` attempts, or null when no attempt follows. */
export function retryWindow(attempts: number): { minMs: number; maxMs: number } | null {
  if (!Number.isSafeInteger(attempts) || attempts < 1) {
    throw new RangeError(`attempts counts the attempts made so far and must be a whole number of at least 1; got ${attempts}.`);
  }
  const base = RETRY_DELAYS_MS[attempts - 1];
  if (base === undefined) return null;
  return { minMs: Math.round(base * (1 - JITTER)), maxMs: Math.round(base * (1 + JITTER)) };
}

/**
 * The plan after `attempts` failed attempts, the last one ending at `now` (epoch ms).
 * `random` returns a number in [0, 1); inject a fixed one for repeatable plans.
 */
export function nextAttempt(attempts: number, now: number, random: () => number = Math.random): NextAttempt {
  const window = retryWindow(attempts);
  if (window === null) return { kind: 'dead_letter' };
  const delayMs = Math.round(window.minMs + (window.maxMs - window.minMs) * Math.min(Math.max(random(), 0), 1));
  return { kind: 'retry', at: now + delayMs, delayMs };
}
