/**
 * Child-process entry for one peer library: `TZ=America/Los_Angeles node peer-process.mjs
 * <peer> <budgetMs> <secondsSample>`. Rebuilds the seeded workload, times the peer on it within
 * the budget, answers the first `secondsSample` questions of the variant whose starts carry
 * seconds, answers the edge cases and prints one JSON object on stdout.
 */
import { generateWorkload, HOLIDAY_YEARS, withSecondOffsets, ZONE } from './workload.mjs';
import { majorUsHolidays } from './us-holidays.mjs';
import { edgeCases } from './edge-cases.mjs';
import { assertProcessZone, createPeer } from './peers.mjs';
import { measureWithinBudget } from './timing.mjs';

const [peerName, budgetArgument, secondsSampleArgument] = process.argv.slice(2);
const budgetMs = Number(budgetArgument);
const secondsSample = Number(secondsSampleArgument);
if (!peerName || !(budgetMs > 0) || !Number.isInteger(secondsSample) || secondsSample < 0) {
  throw new Error('usage: TZ=America/Los_Angeles node peer-process.mjs <peer name> <time budget in ms> <cases with seconds>');
}

assertProcessZone(ZONE);
const holidayDates = majorUsHolidays(...HOLIDAY_YEARS).map((holiday) => holiday.date);
const peer = createPeer(peerName, holidayDates);
const workload = generateWorkload();
const timed = measureWithinBudget((i) => peer.dueAfter(workload.starts[i], workload.minutes[i]), workload.count, {
  budgetMs,
});

const withSeconds = withSecondOffsets(workload);
const secondsAnswers = [];
for (let i = 0; i < Math.min(secondsSample, workload.count); i++) {
  secondsAnswers.push(peer.dueAfter(withSeconds.starts[i], withSeconds.minutes[i]));
}

process.stdout.write(
  JSON.stringify({
    name: peer.name,
    version: peer.version,
    measured: timed.measured,
    elapsedMs: timed.elapsedMs,
    opsPerSecond: timed.opsPerSecond,
    microsecondsPerOperation: timed.microsecondsPerOperation,
    answers: timed.answers,
    secondsAnswers,
    edgeAnswers: edgeCases().map((edge) => peer.dueAfter(edge.startMs, edge.minutes)),
  }),
);
