/**
 * Our engine's side of the bench: its holidays against independent rules, its throughput, and its
 * answers against the brute-force referee (the referee itself first checked on hand-worked cases).
 */
import { measurePasses } from './timing.mjs';

/** A pass over the workload takes a few milliseconds: many passes, so the median resists noise. */
const ENGINE_TIMING = Object.freeze({ warmupMs: 1000, rounds: 31 });

/** Engine holiday dates against the independent list over the same years. */
export function compareHolidays(schedule, independent, fromYear, toYear) {
  const ours = schedule.holidaysBetween(`${fromYear}-01-01`, `${toYear}-12-31`).map((holiday) => holiday.date);
  const theirs = independent.map((holiday) => holiday.date);
  const differences = [
    ...ours.filter((date) => !theirs.includes(date)).map((date) => `engine only: ${date}`),
    ...theirs.filter((date) => !ours.includes(date)).map((date) => `rules only: ${date}`),
  ];
  return { years: `${fromYear}-${toYear}`, engineCount: ours.length, independentCount: theirs.length, agree: differences.length === 0, differences };
}

/** The referee must get the hand-worked answers before it may judge anyone. */
export function checkReferee(bruteForce, edges) {
  const wrong = edges.filter((edge) => bruteForce.dueAfter(edge.startMs, edge.durationMs, edge.stepMs) !== edge.expectedMs);
  if (wrong.length) {
    throw new Error(`the brute-force referee disagrees with hand-worked answers for: ${wrong.map((edge) => edge.what).join('; ')}`);
  }
  return { cases: edges.length, agree: edges.length };
}

export function measureEngine(schedule, workload) {
  const { starts, durations, count } = workload;
  return measurePasses(() => {
    let checksum = 0;
    for (let i = 0; i < count; i++) checksum += schedule.addBusinessTime(starts[i], durations[i]);
    return checksum;
  }, count, ENGINE_TIMING);
}

export function engineAnswers(schedule, workload) {
  const answers = new Float64Array(workload.count);
  for (let i = 0; i < workload.count; i++) answers[i] = schedule.addBusinessTime(workload.starts[i], workload.durations[i]);
  return answers;
}

/**
 * The engine's answers on the first `sample` cases against the brute force, walking in steps of
 * `stepMs` (a minute for whole-minute starts, a second for starts between minutes).
 */
export function verifyAgainstBruteForce({ ours, workload, bruteForce, sample, format, stepMs = 60_000 }) {
  const begin = performance.now();
  let agree = 0;
  const examples = [];
  for (let i = 0; i < sample; i++) {
    const reference = bruteForce.dueAfter(workload.starts[i], workload.durations[i], stepMs);
    if (reference === ours[i]) agree++;
    else if (examples.length < 5) {
      examples.push({
        start: format(workload.starts[i]),
        durationMinutes: workload.durations[i] / 60_000,
        ours: format(ours[i]),
        bruteForce: format(reference),
      });
    }
  }
  return { sample, stepSeconds: stepMs / 1000, agree, elapsedMs: performance.now() - begin, examples };
}

/** Engine answers on the edge cases, judged by the hand-worked expectations. */
export function engineOnEdges(schedule, edges) {
  const answers = edges.map((edge) => schedule.addBusinessTime(edge.startMs, edge.durationMs));
  return { answers, cases: edges.length, engineRight: answers.filter((due, i) => due === edges[i].expectedMs).length };
}
