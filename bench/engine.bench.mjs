/**
 * `npm run bench`: due-time throughput and correctness of @hourglass/engine against
 * moment-business-time and dayjs-business-time on the twilio business-hours calendar, plus the
 * CLI batch path in process and end to end. Prints a report and writes .bench-results/engine.json.
 * Runs against the compiled packages (packages/*\/dist): build first (`npx tsc -b`).
 */
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { generateWorkload, withSecondOffsets, ZONE, HOLIDAY_YEARS, RANGE_START_MS, RANGE_END_MS, MIN_DURATION_MINUTES, MAX_DURATION_MINUTES } from './lib/workload.mjs';
import { majorUsHolidays } from './lib/us-holidays.mjs';
import { createZoneClock } from './lib/zone-clock.mjs';
import { createBruteForce, WEEKDAYS_06_TO_18 } from './lib/brute-force.mjs';
import { edgeCases } from './lib/edge-cases.mjs';
import { loadTwilioBusinessHours } from './lib/engine-calendar.mjs';
import { compareHolidays, checkReferee, measureEngine, engineAnswers, verifyAgainstBruteForce, engineOnEdges } from './lib/engine-side.mjs';
import { PEER_NAMES } from './lib/peers.mjs';
import { measurePeer } from './lib/peer-side.mjs';
import { createBatchLines } from './lib/batch-lines.mjs';
import { benchBatchPath, benchEndToEnd } from './lib/cli-side.mjs';
import { judgeTargets } from './lib/targets.mjs';
import { printReport, writeJson } from './lib/report.mjs';

const FULL = Object.freeze({
  bruteForceSample: 2_000,
  /** Starts between whole minutes need one-second steps: far slower, so fewer cases. */
  bruteForceSecondsSample: 100,
  /** Each peer answers the whole workload unless this much time runs out first. */
  peerBudgetMs: 90_000,
  peerSecondsSample: 3_000,
  batchLines: 200_000,
  endToEndLines: 1_000_000,
});
/** `--quick`: the same checks on less work, to try the bench itself out in about half a minute. */
const QUICK = Object.freeze({ ...FULL, bruteForceSample: 300, bruteForceSecondsSample: 10, peerBudgetMs: 4_000, peerSecondsSample: 300, batchLines: 50_000, endToEndLines: 100_000 });
const SETTINGS = process.argv.includes('--quick') ? QUICK : FULL;
const RESULTS_PATH = fileURLToPath(new URL('../.bench-results/engine.json', import.meta.url));

async function main() {
  const benchBegin = performance.now();
  const loadBefore = os.loadavg()[0];
  const clock = createZoneClock(ZONE);
  const format = (instantMs) => clock.formatIso(instantMs);
  const workload = generateWorkload();
  const workloadWithSeconds = withSecondOffsets(workload);
  const edges = edgeCases();
  const independentHolidays = majorUsHolidays(...HOLIDAY_YEARS);
  const bruteForce = createBruteForce({ zone: ZONE, openMinutesByWeekday: WEEKDAYS_06_TO_18, holidays: independentHolidays });
  const referee = (startMs, durationMs) => bruteForce.dueAfter(startMs, durationMs, startMs % 60_000 === 0 ? 60_000 : 1000);

  const { schedule, source, registry } = await loadTwilioBusinessHours(RANGE_START_MS);
  const holidays = compareHolidays(schedule, independentHolidays, ...HOLIDAY_YEARS);
  const refereeCheck = checkReferee(bruteForce, edges);

  console.log('measuring the engine…');
  const engineTiming = measureEngine(schedule, workload);
  const ours = engineAnswers(schedule, workload);
  const oursWithSeconds = engineAnswers(schedule, workloadWithSeconds);
  const bruteForceCheck = verifyAgainstBruteForce({ ours, workload, bruteForce, sample: SETTINGS.bruteForceSample, format });
  const bruteForceSecondsCheck = verifyAgainstBruteForce({
    ours: oursWithSeconds,
    workload: workloadWithSeconds,
    bruteForce,
    sample: SETTINGS.bruteForceSecondsSample,
    format,
    stepMs: 1000,
  });
  const engineEdges = engineOnEdges(schedule, edges);

  const peers = [];
  for (const peerName of PEER_NAMES) {
    console.log(`measuring ${peerName} on the ${workload.count.toLocaleString('en-US')} questions (stops after ${SETTINGS.peerBudgetMs / 1000} s)…`);
    peers.push(
      await measurePeer({
        peerName,
        settings: { budgetMs: SETTINGS.peerBudgetMs, secondsSample: SETTINGS.peerSecondsSample },
        engineTiming,
        engineAnswers: { ours, oursWithSeconds, edgeAnswers: engineEdges.answers },
        questions: { workload, workloadWithSeconds, edges },
        referee,
        format,
      }),
    );
  }

  const batchLines = createBatchLines(workload);
  console.log('measuring the batch path in process…');
  const batch = await benchBatchPath({ registry, batchLines, businessHours: schedule, lineCount: SETTINGS.batchLines });
  console.log(`measuring end to end (${SETTINGS.endToEndLines.toLocaleString('en-US')} lines)…`);
  const endToEnd = await benchEndToEnd({ batchLines, businessHours: schedule, lineCount: SETTINGS.endToEndLines });

  const engine = {
    opsPerSecond: engineTiming.opsPerSecond,
    bestOpsPerSecond: engineTiming.bestOpsPerSecond,
    nsPerOperation: engineTiming.nsPerOperation,
    rounds: engineTiming.rounds,
    operationsPerPass: engineTiming.operationsPerPass,
  };
  const results = {
    date: new Date().toISOString(),
    environment: {
      node: process.version,
      cpu: os.cpus()[0]?.model ?? 'unknown cpu',
      cores: os.cpus().length,
      loadBefore: loadBefore,
      loadAfter: os.loadavg()[0],
    },
    workload: {
      cases: workload.count,
      seed: workload.seed,
      range: `[${format(RANGE_START_MS)}, ${format(RANGE_END_MS)}) (${ZONE})`,
      durations: `${MIN_DURATION_MINUTES}..${MAX_DURATION_MINUTES} min (1h..60h)`,
    },
    calendar: { source, zone: ZONE },
    holidays,
    referee: refereeCheck,
    engine,
    bruteForce: [bruteForceCheck, bruteForceSecondsCheck],
    edge: { cases: engineEdges.cases, engineRight: engineEdges.engineRight },
    peers,
    batch,
    endToEnd,
    targets: judgeTargets({
      engine,
      holidays,
      bruteForce: [bruteForceCheck, bruteForceSecondsCheck],
      edge: engineEdges,
      peers,
      batch: batch.answerer.notMeasured ? null : batch.answerer,
      endToEnd,
    }),
  };
  results.totalMs = performance.now() - benchBegin;

  printReport(results);
  writeJson(RESULTS_PATH, results);
  if (results.targets.some((target) => target.status === 'FAIL')) process.exitCode = 1;
}

try {
  await main();
} catch (error) {
  console.error(`\nThe benchmark stopped: ${error instanceof Error ? error.message : String(error)}`);
  if (error?.code === 'ERR_MODULE_NOT_FOUND') {
    console.error('Build the packages first (`npx tsc -b` at the root of the checkout), then run `npm run bench` again.');
  }
  process.exitCode = 1;
}
