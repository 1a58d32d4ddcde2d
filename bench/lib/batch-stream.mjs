/**
 * `runBatch` from @hourglass/cli in process: the prepared NDJSON as an in-memory stream of 64 KiB
 * chunks in, a counting sink out. Adds line splitting and output buffering to the answerer's cost,
 * without a pipe or process start-up.
 */
import { Readable, Writable } from 'node:stream';

const CHUNK_BYTES = 64 * 1024;
const ROUNDS = 5;

function inputChunks(batchLines, lineCount) {
  const text = Array.from({ length: lineCount }, (_, id) => batchLines.line(id) + '\n').join('');
  const bytes = Buffer.from(text);
  const chunks = [];
  for (let from = 0; from < bytes.length; from += CHUNK_BYTES) chunks.push(bytes.subarray(from, from + CHUNK_BYTES));
  return chunks;
}

function countingSink() {
  const sink = new Writable({
    write(chunk, _encoding, callback) {
      sink.bytes += chunk.length;
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) sink.lines++;
      callback();
    },
  });
  sink.bytes = 0;
  sink.lines = 0;
  return sink;
}

/**
 * @param {object} input
 * @param {(input, output, answer) => Promise<{ lines: number }>} input.runBatch
 * @param {(line: string) => string | null} input.answer
 * @param {{ line(id: number): string }} input.batchLines
 * @param {number} input.lineCount
 */
export async function measureBatchStream({ runBatch, answer, batchLines, lineCount }) {
  const chunks = inputChunks(batchLines, lineCount);
  const passMs = [];
  const problems = [];
  for (let round = 0; round <= ROUNDS; round++) {
    const sink = countingSink();
    const begin = performance.now();
    const totals = await runBatch(Readable.from(chunks, { objectMode: false }), sink, answer);
    await new Promise((resolve) => sink.end(resolve));
    const elapsed = performance.now() - begin;
    if (round > 0) passMs.push(elapsed);
    if (totals?.lines !== lineCount || sink.lines !== lineCount) {
      problems.push(`runBatch reported ${totals?.lines} lines and wrote ${sink.lines} for ${lineCount} input lines`);
      break;
    }
  }
  passMs.sort((a, b) => a - b);
  const medianMs = passMs[Math.floor(passMs.length / 2)];
  if (medianMs === undefined) return { notMeasured: problems.join('; ') };
  return {
    lines: lineCount,
    rounds: passMs.length,
    microsecondsPerLine: (medianMs * 1000) / lineCount,
    linesPerSecond: lineCount / (medianMs / 1000),
    problems,
  };
}
