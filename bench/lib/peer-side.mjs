/**
 * One peer library against the engine: run it in its own process (see peer-runner.mjs), then
 * compare its answers with ours on the random workload, on the same questions with starts at whole
 * seconds and on the hand-worked edge cases, each disagreement shown settled by the referee.
 */
import { compareAnswers, settle } from './compare.mjs';
import { runPeer } from './peer-runner.mjs';

/**
 * @param {object} input
 * @param {string} input.peerName
 * @param {{ budgetMs: number, secondsSample: number }} input.settings
 * @param {{ opsPerSecond: number }} input.engineTiming
 * @param {{ ours: Float64Array, oursWithSeconds: Float64Array, edgeAnswers: number[] }} input.engineAnswers
 * @param {{ workload, workloadWithSeconds, edges }} input.questions
 * @param {(startMs: number, durationMs: number) => number} input.referee
 * @param {(instantMs: number) => string} input.format
 */
export async function measurePeer({ peerName, settings, engineTiming, engineAnswers, questions, referee, format }) {
  const run = await runPeer(peerName, settings.budgetMs, settings.secondsSample);
  if (run.failed) return { name: peerName, notMeasured: run.failed };
  const { workload, workloadWithSeconds, edges } = questions;
  const edgeRows = edges.map((edge, i) =>
    settle({ what: edge.what, startMs: edge.startMs, durationMs: edge.durationMs, ours: engineAnswers.edgeAnswers[i], theirs: run.edgeAnswers[i], referee, format }),
  );
  const differingRows = edgeRows.filter((row) => row.ours !== row.theirs);
  return {
    name: run.name,
    version: run.version,
    opsPerSecond: run.opsPerSecond,
    microsecondsPerOperation: run.microsecondsPerOperation,
    measured: run.measured,
    elapsedMs: run.elapsedMs,
    ratio: engineTiming.opsPerSecond / run.opsPerSecond,
    random: compareAnswers({ ours: engineAnswers.ours, theirs: run.answers, workload, referee, format }),
    randomWithSeconds: compareAnswers({ ours: engineAnswers.oursWithSeconds, theirs: run.secondsAnswers, workload: workloadWithSeconds, referee, format }),
    edge: { cases: edges.length, differing: differingRows.length, differingRows },
  };
}
