/**
 * Where two implementations disagree on the same questions, and who is right: each disagreement
 * shown as an example is settled by the brute-force referee.
 */

const EXAMPLE_LIMIT = 5;

/**
 * @param {object} input
 * @param {ArrayLike<number>} input.ours engine due times, index-aligned with the workload
 * @param {number[]} input.theirs the peer's due times for the first `theirs.length` cases
 * @param {{ starts: ArrayLike<number>, durations: ArrayLike<number> }} input.workload
 * @param {(startMs: number, durationMs: number) => number} input.referee brute-force due time
 * @param {(instantMs: number) => string} input.format
 */
export function compareAnswers({ ours, theirs, workload, referee, format }) {
  const differing = [];
  for (let i = 0; i < theirs.length; i++) {
    if (theirs[i] !== ours[i]) differing.push(i);
  }
  const examples = differing.slice(0, EXAMPLE_LIMIT).map((i) =>
    settle({ startMs: workload.starts[i], durationMs: workload.durations[i], ours: ours[i], theirs: theirs[i], referee, format }),
  );
  return {
    compared: theirs.length,
    differing: differing.length,
    percent: theirs.length === 0 ? 0 : (100 * differing.length) / theirs.length,
    examples,
  };
}

/** One question answered twice, with the referee's answer and which side it backs. */
export function settle({ startMs, durationMs, ours, theirs, referee, format, what }) {
  const reference = referee(startMs, durationMs);
  const right = ours === reference && theirs === reference ? 'both' : ours === reference ? 'ours' : theirs === reference ? 'theirs' : 'neither';
  return {
    ...(what ? { what } : {}),
    start: format(startMs),
    durationMinutes: durationMs / 60_000,
    ours: format(ours),
    theirs: format(theirs),
    bruteForce: format(reference),
    right,
  };
}
