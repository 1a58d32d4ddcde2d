/**
 * How attempts at a guessable secret are throttled. Pure: a counter's state and the time in, a
 * decision and the next state out; `throttle.ts` keeps the state in the database.
 *
 * A counter holds the failures not yet forgiven and the attempts under way (`pending`). An attempt
 * is counted when it starts, before its secret is checked, so a burst of parallel attempts cannot
 * all be checked: once failures + attempts under way reach `free`, only one attempt at a time goes
 * on. From the `free`-th failure on, each failure locks the counter for a delay that doubles, up to
 * `maxDelayMs`. One failure is forgiven every `forgiveMs` without a failure.
 */

export interface ThrottleRule {
  /** Failures (or counted uses) allowed before any delay. */
  free: number;
  /** The lock after the `free`-th failure; each further failure doubles it. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** One failure is forgotten for each such period without one. */
  forgiveMs: number;
  /** A success clears the counter (only where a success proves the caller, as the right password of an address does). */
  resetOnSuccess: boolean;
  /** Every use counts, success or not (a limit on how often something may be done, as creating API tokens). */
  countsEveryUse?: boolean;
}

export interface CounterState {
  failures: number;
  /** Forgiveness is counted from here. */
  failuresSince: number;
  pending: number;
  pendingSince: number | null;
  blockedUntil: number | null;
}

/** An attempt under way longer than this is taken as lost (its process died) and no longer counted. */
export const PENDING_EXPIRES_MS = 60_000;
/** How long a caller refused because other attempts are still being checked is asked to wait. */
export const BUSY_RETRY_MS = 1_000;

export const EMPTY_COUNTER = (now: number): CounterState => ({ failures: 0, failuresSince: now, pending: 0, pendingSince: null, blockedUntil: null });

/** The state with forgiven failures dropped, lost attempts forgotten and a passed lock cleared. */
export function settleTime(state: CounterState, rule: ThrottleRule, now: number): CounterState {
  const forgiven = Math.max(0, Math.floor((now - state.failuresSince) / rule.forgiveMs));
  const failures = Math.max(0, state.failures - forgiven);
  const failuresSince = failures === 0 ? now : state.failuresSince + forgiven * rule.forgiveMs;
  const lost = state.pendingSince === null || now - state.pendingSince > PENDING_EXPIRES_MS;
  return {
    failures,
    failuresSince,
    pending: lost ? 0 : state.pending,
    pendingSince: lost ? null : state.pendingSince,
    blockedUntil: state.blockedUntil !== null && state.blockedUntil > now ? state.blockedUntil : null,
  };
}

export type StartDecision = { allowed: true; next: CounterState } | { allowed: false; retryAfterMs: number };

/** Whether an attempt may start now; when it may, it is counted as under way in `next`. */
export function startAttempt(state: CounterState, rule: ThrottleRule, now: number): StartDecision {
  const current = settleTime(state, rule, now);
  if (current.blockedUntil !== null) return { allowed: false, retryAfterMs: current.blockedUntil - now };
  if (current.pending > 0 && current.failures + current.pending >= rule.free) return { allowed: false, retryAfterMs: BUSY_RETRY_MS };
  return { allowed: true, next: { ...current, pending: current.pending + 1, pendingSince: now } };
}

export type Outcome = 'failure' | 'success' | 'void';

/** The state once an attempt under way ends: a failure (or a counted use) counts and may lock; `void` only ends it. */
export function finishAttempt(state: CounterState, rule: ThrottleRule, now: number, outcome: Outcome): CounterState {
  const current = settleTime(state, rule, now);
  const ended = { ...current, pending: Math.max(0, current.pending - 1), pendingSince: current.pending > 1 ? current.pendingSince : null };
  if (outcome === 'void') return ended;
  if (outcome === 'success' && rule.countsEveryUse) return finishAttempt(state, { ...rule, countsEveryUse: false }, now, 'failure');
  if (outcome === 'success' && rule.resetOnSuccess) return { ...ended, failures: 0, failuresSince: now, blockedUntil: null };
  if (outcome === 'success') return ended;
  const failures = ended.failures + 1;
  const failuresSince = ended.failures === 0 ? now : ended.failuresSince;
  const lock = lockAfter(failures, rule);
  const blockedUntil = lock > 0 ? Math.max(ended.blockedUntil ?? 0, now + lock) : ended.blockedUntil;
  return { ...ended, failures, failuresSince, blockedUntil };
}

/** The lock after the `failures`-th failure: none before `free`, then base, 2×base, 4×base … up to the maximum. */
export function lockAfter(failures: number, rule: ThrottleRule): number {
  if (failures < rule.free) return 0;
  const doublings = Math.min(failures - rule.free, 40);
  return Math.min(rule.maxDelayMs, rule.baseDelayMs * 2 ** doublings);
}
