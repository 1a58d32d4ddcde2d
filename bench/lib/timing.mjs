/**
 * Hand-timed throughput on one thread: warm up, then time whole passes over the workload and
 * report the median pass. Each pass folds its answers into a checksum so nothing can be optimised
 * away.
 */

/**
 * @param {() => number} pass runs every case once and returns a checksum
 * @param {number} operationsPerPass
 * @param {{ warmupMs?: number, rounds?: number }} [options]
 */
export function measurePasses(pass, operationsPerPass, { warmupMs = 500, rounds = 7 } = {}) {
  const warmupEnd = performance.now() + warmupMs;
  let checksum = 0;
  do checksum += pass();
  while (performance.now() < warmupEnd);

  const passMs = [];
  for (let round = 0; round < rounds; round++) {
    const begin = performance.now();
    checksum += pass();
    passMs.push(performance.now() - begin);
  }
  passMs.sort((a, b) => a - b);
  const medianMs = passMs[Math.floor(passMs.length / 2)];
  return {
    operationsPerPass,
    rounds,
    medianPassMs: medianMs,
    opsPerSecond: operationsPerPass / (medianMs / 1000),
    bestOpsPerSecond: operationsPerPass / (passMs[0] / 1000),
    nsPerOperation: (medianMs * 1e6) / operationsPerPass,
    checksum,
  };
}

/**
 * For slow code: run cases in order until the time budget is spent (after a short warm-up on
 * the first cases) and keep each answer.
 * @param {(index: number) => number} answer
 * @param {number} caseCount
 * @param {{ budgetMs: number, warmupCases?: number }} options
 */
export function measureWithinBudget(answer, caseCount, { budgetMs, warmupCases = 200 }) {
  for (let i = 0; i < Math.min(warmupCases, caseCount); i++) answer(i);
  const answers = [];
  const begin = performance.now();
  const deadline = begin + budgetMs;
  while (answers.length < caseCount && performance.now() < deadline) {
    answers.push(answer(answers.length));
  }
  const elapsedMs = performance.now() - begin;
  return {
    measured: answers.length,
    elapsedMs,
    opsPerSecond: answers.length / (elapsedMs / 1000),
    microsecondsPerOperation: (elapsedMs * 1000) / answers.length,
    answers,
  };
}
