/** Prints the results for people and writes them as JSON for tools. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const integer = (n) => Math.round(n).toLocaleString('en-US');
const fixed = (n, digits = 2) => n.toFixed(digits);

function printSettled(rows, indent) {
  for (const row of rows) {
    const label = row.what ? `${row.what}: ` : '';
    console.log(`${indent}${label}start ${row.start} + ${row.durationMinutes} min -> ours ${row.ours}, theirs ${row.theirs}; brute force ${row.bruteForce} => right: ${row.right}`);
  }
}

function printChecked(measured) {
  console.log(`  sampled answers checked against direct engine calls: ${measured.checked - measured.mismatches}/${measured.checked} right`);
  for (const mismatch of measured.mismatchExamples) console.log(`    ${mismatch.input} -> ${mismatch.output} (${mismatch.why})`);
}

function printBatchAnswerer(answerer) {
  if (answerer.notMeasured) {
    console.log(`  createBatchAnswerer: not measured: ${answerer.notMeasured}`);
    return;
  }
  console.log(`  createBatchAnswerer(registry)(line): ${fixed(answerer.microsecondsPerLine)} µs per line, ${integer(answerer.linesPerSecond)} lines/s (median pass over ${integer(answerer.lines)} lines)`);
  printChecked(answerer);
}

function printBatchStream(stream) {
  if (stream.notMeasured) {
    console.log(`  runBatch: not measured: ${stream.notMeasured}`);
    return;
  }
  console.log(`  runBatch(in-memory stream, counting sink, answerer): ${fixed(stream.microsecondsPerLine)} µs per line, ${integer(stream.linesPerSecond)} lines/s (median of ${stream.rounds} passes over ${integer(stream.lines)} lines)`);
  for (const problem of stream.problems) console.log(`  PROBLEM: ${problem}`);
}

export function printReport(results) {
  const { workload, calendar, holidays, referee, engine, bruteForce, edge, peers, batch, endToEnd, targets } = results;
  console.log('\nHourglass engine benchmark');
  const env = results.environment;
  console.log(`node ${env.node}, ${env.cpu}, ${env.cores} cores (all figures single-threaded); load average ${fixed(env.loadBefore)} at the start, ${fixed(env.loadAfter)} at the end (other work on the machine slows every figure)`);
  console.log(`\nWorkload: ${integer(workload.cases)} due-time questions, seed 0x${workload.seed.toString(16)}; starts on whole minutes, uniform over ${workload.range}; durations whole minutes, uniform ${workload.durations}`);
  console.log(`Calendar: ${calendar.source}`);
  console.log(`  Mon-Fri 06:00-18:00 ${calendar.zone}; holidays: engine ${holidays.engineCount} dates vs independent rules ${holidays.independentCount} dates over ${holidays.years}: ${holidays.agree ? 'identical' : 'DIFFERENT ' + JSON.stringify(holidays.differences)}`);
  console.log(`Referee: minute-stepping brute force (Intl zone data, independent holiday rules) matches ${referee.agree}/${referee.cases} hand-worked edge cases`);

  console.log('\nEngine (@hourglass/engine Schedule.addBusinessTime)');
  console.log(`  ${integer(engine.opsPerSecond)} due-time computations/s (median of ${engine.rounds} passes over ${integer(engine.operationsPerPass)}; best ${integer(engine.bestOpsPerSecond)}/s; ${fixed(engine.nsPerOperation, 1)} ns each)`);
  for (const check of bruteForce) {
    const starts = check.stepSeconds === 60 ? 'whole-minute starts' : 'the same questions with starts at whole seconds';
    console.log(`  vs brute force (${check.stepSeconds} s steps) on the first ${integer(check.sample)} of ${starts}: ${integer(check.agree)} agree (${fixed((100 * check.agree) / check.sample)}%), brute force took ${fixed(check.elapsedMs / 1000, 1)} s`);
    for (const row of check.examples) {
      console.log(`    start ${row.start} + ${row.durationMinutes} min -> ours ${row.ours}, brute force ${row.bruteForce}`);
    }
  }
  console.log(`  edge cases: ${edge.engineRight}/${edge.cases} right`);

  for (const peer of peers) {
    if (peer.notMeasured) {
      console.log(`\n${peer.name}: not measured: ${peer.notMeasured}`);
      continue;
    }
    console.log(`\n${peer.name} ${peer.version} (child process, TZ=${calendar.zone})`);
    console.log(`  ${integer(peer.opsPerSecond)} due-time computations/s (${integer(peer.measured)} cases in ${fixed(peer.elapsedMs / 1000, 1)} s; ${fixed(peer.microsecondsPerOperation, 1)} µs each)`);
    console.log(`  engine/peer: ${integer(peer.ratio)}x`);
    console.log(`  differs from ours on ${integer(peer.random.differing)} of ${integer(peer.random.compared)} random cases (${fixed(peer.random.percent, 3)}%)`);
    if (peer.random.examples.length) printSettled(peer.random.examples, '    ');
    console.log(`  same questions with starts at whole seconds (first ${integer(peer.randomWithSeconds.compared)}): differs on ${integer(peer.randomWithSeconds.differing)} (${fixed(peer.randomWithSeconds.percent, 2)}%)`);
    if (peer.randomWithSeconds.examples.length) printSettled(peer.randomWithSeconds.examples, '    ');
    console.log(`  edge cases: differs from ours on ${peer.edge.differing} of ${peer.edge.cases}`);
    printSettled(peer.edge.differingRows, '    ');
  }

  console.log('\nBatch path in process (parse, compute, format; 3 twilio target lines to 1 calendar line)');
  printBatchAnswerer(batch.answerer);
  printBatchStream(batch.stream);

  console.log('\nEnd to end (node packages/cli/bin/hourglass.js sla deadlines, input piped in)');
  if (endToEnd.notMeasured) console.log(`  not measured: ${endToEnd.notMeasured}`);
  else {
    console.log(`  ${integer(endToEnd.lines)} lines (${fixed(endToEnd.inputMegabytes, 1)} MB) in ${fixed(endToEnd.elapsedMs / 1000)} s, process start included: ${integer(endToEnd.linesPerSecond)} lines/s, ${fixed(endToEnd.microsecondsPerLine)} µs per line`);
    console.log(`  peak RSS of the child: ${endToEnd.peakRssMegabytes === null ? 'unknown' : fixed(endToEnd.peakRssMegabytes, 1) + ' MB'} (${endToEnd.peakRssSource})`);
    printChecked(endToEnd);
    for (const problem of endToEnd.problems) console.log(`  PROBLEM: ${problem}`);
  }

  console.log('\nTargets');
  for (const target of targets) console.log(`  [${target.status}] ${target.target}: ${target.measured}`);
  console.log(`\nTotal bench time ${fixed(results.totalMs / 1000, 1)} s`);
}

/** Keeps the JSON compact: fractional figures to three decimals. */
function roundFractions(_key, value) {
  return typeof value === 'number' && !Number.isInteger(value) ? Math.round(value * 1000) / 1000 : value;
}

export function writeJson(path, results) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(results, roundFractions) + '\n');
  console.log(`Results written to ${path}`);
}
