import { requirePositiveInteger } from './validate.js';
import { TimerError } from './errors.js';

/** How failed handlers are retried: after `backoffMs(attempts)`, until `maxAttempts` have failed. */
export interface RetryPolicy {
  maxAttempts: number;
  /** The wait before the next attempt, given how many attempts have failed so far (1, 2, …). */
  backoffMs(failedAttempts: number): number;
}

/** Exponential backoff: `baseMs`, then twice as long each time, capped at `maxMs`. */
export function exponentialBackoff(baseMs = 1_000, maxMs = 3_600_000): (failedAttempts: number) => number {
  return (failed) => Math.min(maxMs, baseMs * 2 ** Math.max(0, failed - 1));
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 5, backoffMs: exponentialBackoff() };

export function checkRetryPolicy(policy: Partial<RetryPolicy> | undefined): RetryPolicy {
  const maxAttempts = requirePositiveInteger(policy?.maxAttempts ?? DEFAULT_RETRY.maxAttempts, 'retry.maxAttempts');
  const backoffMs = policy?.backoffMs ?? DEFAULT_RETRY.backoffMs;
  if (typeof backoffMs !== 'function') throw new TimerError('invalid_worker', 'retry.backoffMs must be a function (failedAttempts) => milliseconds.');
  return { maxAttempts, backoffMs };
}

/** The next state of a timer whose attempt number `attempts` failed at `now`. */
export function afterFailure(policy: RetryPolicy, attempts: number, now: number): { state: 'pending' | 'dead'; dueAt: number | null } {
  if (attempts >= policy.maxAttempts) return { state: 'dead', dueAt: null };
  const wait = policy.backoffMs(attempts);
  return { state: 'pending', dueAt: now + (Number.isFinite(wait) && wait > 0 ? wait : 0) };
}
