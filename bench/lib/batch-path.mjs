/**
 * The in-process batch path: `createBatchAnswerer(registry)` from @hourglass/cli over prepared
 * NDJSON lines (parse, compute, format), timed per line and checked against direct engine calls.
 */
import { checkAnswer } from './answer-check.mjs';
import { measurePasses } from './timing.mjs';

const CHECK_EVERY = 97;

/**
 * @param {object} input
 * @param {(line: string) => string | null} input.answer
 * @param {{ line(id: number): string, expectedDue(id: number, schedule): number | null }} input.batchLines
 * @param {import('@hourglass/engine').Schedule} input.businessHours
 * @param {number} input.lineCount
 */
export function measureBatchPath({ answer, batchLines, businessHours, lineCount }) {
  const lines = Array.from({ length: lineCount }, (_, id) => batchLines.line(id));
  const timing = measurePasses(
    () => {
      let characters = 0;
      for (let i = 0; i < lines.length; i++) characters += answer(lines[i])?.length ?? 0;
      return characters;
    },
    lines.length,
    { warmupMs: 300, rounds: 3 },
  );

  let checked = 0;
  const mismatches = [];
  for (let id = 0; id < lineCount; id += CHECK_EVERY) {
    checked++;
    const text = answer(lines[id]);
    const wrong = checkAnswer({ id, text, batchLines, businessHours });
    if (wrong) mismatches.push({ input: lines[id], output: String(text), why: wrong });
  }

  return {
    lines: lineCount,
    microsecondsPerLine: timing.nsPerOperation / 1000,
    linesPerSecond: timing.opsPerSecond,
    checked,
    mismatches: mismatches.length,
    mismatchExamples: mismatches.slice(0, 3),
  };
}
