/**
 * The issue's targets, each judged against a measured figure, plus the correctness checks that make
 * the speed figures worth anything (a fast wrong answer is no anchor).
 */

export const TARGETS = Object.freeze({
  speedupOverMoment: 500,
  engineOpsPerSecond: 5_000_000,
  /** "a few microseconds" per batch line, read as at most this many. */
  batchMicrosecondsPerLine: 5,
});

const integer = (n) => Math.round(n).toLocaleString('en-US');

/**
 * @param {object} input
 * @param {{ opsPerSecond: number }} input.engine
 * @param {{ sample: number, agree: number, stepSeconds: number }[]} input.bruteForce
 * @param {{ cases: number, engineRight: number }} input.edge
 * @param {{ agree: boolean, differences: string[] }} input.holidays
 * @param {{ name: string, ratio?: number }[]} input.peers
 * @param {{ microsecondsPerLine: number, checked: number, mismatches: number } | null} input.batch
 * @param {{ checked?: number, mismatches?: number, problems?: string[], notMeasured?: string }} input.endToEnd
 * @returns {{ target: string, measured: string, status: 'PASS' | 'FAIL' | 'NOT MEASURED' }[]}
 */
export function judgeTargets({ engine, holidays, bruteForce, edge, peers, batch, endToEnd }) {
  const moment = peers.find((peer) => peer.name === 'moment-business-time');
  const sampled = bruteForce.reduce((sum, check) => sum + check.sample, 0);
  const agreed = bruteForce.reduce((sum, check) => sum + check.agree, 0);
  return [
    judge(
      'engine agrees with the brute force, the hand-worked edge cases and the independent holiday list',
      { agreed: agreed + edge.engineRight, asked: sampled + edge.cases },
      ({ agreed, asked }) => agreed === asked && holidays.agree,
      ({ agreed, asked }) => `${integer(agreed)}/${integer(asked)} answers agree; holiday dates ${holidays.agree ? 'identical' : 'differ: ' + holidays.differences.join(', ')}`,
    ),
    judge(
      `engine >= ${TARGETS.speedupOverMoment}x moment-business-time`,
      moment?.ratio,
      (ratio) => ratio >= TARGETS.speedupOverMoment,
      (ratio) => `${integer(ratio)}x`,
    ),
    judge(
      `engine >= ${integer(TARGETS.engineOpsPerSecond)} due-time computations/s on one core`,
      engine.opsPerSecond,
      (ops) => ops >= TARGETS.engineOpsPerSecond,
      (ops) => `${integer(ops)}/s`,
    ),
    judge(
      `batch cost per line <= ${TARGETS.batchMicrosecondsPerLine} µs in process (parse, compute, format), answers right`,
      batch?.microsecondsPerLine,
      (us) => us <= TARGETS.batchMicrosecondsPerLine && batch.mismatches === 0,
      (us) => `${us.toFixed(2)} µs/line, ${batch.checked - batch.mismatches}/${batch.checked} sampled answers right`,
    ),
    judge(
      'end to end: every line answered, in order, sampled answers right',
      endToEnd.notMeasured ? undefined : endToEnd,
      (run) => run.problems.length === 0 && run.mismatches === 0,
      (run) => `${run.checked - run.mismatches}/${run.checked} sampled answers right${run.problems.length ? `; ${run.problems.join('; ')}` : ''}`,
    ),
  ];
}

function judge(target, value, passes, describe) {
  if (value === undefined || value === null || Number.isNaN(value)) {
    return { target, measured: 'not measured', status: 'NOT MEASURED' };
  }
  return { target, measured: describe(value), status: passes(value) ? 'PASS' : 'FAIL' };
}
