/**
 * The benchmark workload: random due-time questions on the twilio business-hours calendar.
 * Starts fall on whole minutes, uniformly over two years of Pacific time; durations are whole
 * minutes from 1h to 60h. The same seed always gives the same questions, in any process.
 */

export const ZONE = 'America/Los_Angeles';
export const SEED = 0x5eed2026;
export const CASE_COUNT = 100_000;
/** 2026-01-01T00:00:00-08:00 */
export const RANGE_START_MS = Date.parse('2026-01-01T00:00:00-08:00');
/** 2028-01-01T00:00:00-08:00 (exclusive) */
export const RANGE_END_MS = Date.parse('2028-01-01T00:00:00-08:00');
/** The years whose holidays every implementation gets: the range, plus the year its last answers reach. */
export const HOLIDAY_YEARS = Object.freeze([2026, 2028]);
export const MIN_DURATION_MINUTES = 60;
export const MAX_DURATION_MINUTES = 60 * 60;

const MINUTE_MS = 60_000;

/** mulberry32: a small, fast, seeded 32-bit generator; returns floats in [0, 1). */
export function createRandom(seed) {
  let state = seed >>> 0;
  return function next() {
    state = (state + 0x6d2b79f5) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [low, high], both included. */
function randomInteger(random, low, high) {
  return low + Math.floor(random() * (high - low + 1));
}

/**
 * @returns {{ starts: Float64Array, minutes: Int32Array, durations: Float64Array, count: number, seed: number }}
 *   `starts` in epoch ms, `minutes` the duration in whole minutes, `durations` the same in ms.
 */
export function generateWorkload({ seed = SEED, count = CASE_COUNT } = {}) {
  if (!Number.isInteger(count) || count <= 0) {
    throw new Error(`workload count must be a positive integer, got ${count}`);
  }
  const random = createRandom(seed);
  const rangeMinutes = (RANGE_END_MS - RANGE_START_MS) / MINUTE_MS;
  const starts = new Float64Array(count);
  const minutes = new Int32Array(count);
  const durations = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    starts[i] = RANGE_START_MS + randomInteger(random, 0, rangeMinutes - 1) * MINUTE_MS;
    minutes[i] = randomInteger(random, MIN_DURATION_MINUTES, MAX_DURATION_MINUTES);
    durations[i] = minutes[i] * MINUTE_MS;
  }
  return { starts, minutes, durations, count, seed };
}

/**
 * The same questions with each start moved a random 0–59 whole seconds later, as real ticket
 * times fall: a second seeded stream, so the whole-minute workload is unchanged.
 */
export function withSecondOffsets(workload, seed = SEED ^ 0x9e3779b9) {
  const random = createRandom(seed);
  const starts = new Float64Array(workload.count);
  for (let i = 0; i < workload.count; i++) starts[i] = workload.starts[i] + randomInteger(random, 0, 59) * 1000;
  return { ...workload, starts };
}
