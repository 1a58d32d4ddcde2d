/**
 * End to end: `node packages/cli/bin/hourglass.js sla deadlines` with many NDJSON lines piped in.
 * Reports lines per second, microseconds per line and the child's peak resident memory (from
 * `/usr/bin/time -v` when present, else by sampling VmHWM in /proc/<pid>/status), and checks a
 * sample of the answers against direct engine calls.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { checkAnswer } from './answer-check.mjs';

const GNU_TIME = '/usr/bin/time';
const LINES_PER_CHUNK = 10_000;
const SAMPLE_EVERY_MS = 20;
/** Every this many output lines, one is parsed and checked. */
const CHECK_EVERY = 997;
const NEWLINE = 10;
/** Enough output kept to read the last line. */
const TAIL_BYTES = 2048;

function prepareInput(batchLines, lineCount) {
  const chunks = [];
  for (let first = 0; first < lineCount; first += LINES_PER_CHUNK) {
    const last = Math.min(first + LINES_PER_CHUNK, lineCount);
    let text = '';
    for (let id = first; id < last; id++) text += batchLines.line(id) + '\n';
    chunks.push(Buffer.from(text));
  }
  return chunks;
}

function peakFromGnuTime(stderrText) {
  const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderrText);
  return match ? Number(match[1]) : null;
}

/** What the child itself wrote on stderr, without the report of /usr/bin/time -v. */
function childStderr(stderrText) {
  const report = stderrText.indexOf('\tCommand being timed:');
  return (report === -1 ? stderrText : stderrText.slice(0, report)).trim();
}

function readVmHwmKb(pid) {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** Resolves when `stream` drains, or when it closes or fails (the child has gone away). */
function drainedOrGone(stream) {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      stream.off('error', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
    stream.on('error', done);
  });
}

/** Writes every chunk with backpressure; stops early when the child stops reading. */
async function writeAll(stream, chunks) {
  for (const chunk of chunks) {
    if (stream.destroyed || stream.writableEnded) return;
    if (!stream.write(chunk)) await drainedOrGone(stream);
  }
  if (!stream.destroyed) stream.end();
}

/**
 * Counts output lines as they stream by and keeps every `CHECK_EVERY`-th one (by line number) for
 * checking, plus the last bytes of output; nothing else is decoded.
 */
function createOutputScanner() {
  let lines = 0;
  let partial = [];
  let tail = Buffer.alloc(0);
  const sampled = [];

  function take(chunk) {
    let from = 0;
    for (let end = chunk.indexOf(NEWLINE); end !== -1; end = chunk.indexOf(NEWLINE, from)) {
      if (lines % CHECK_EVERY === 0) {
        sampled.push({ lineNumber: lines, text: Buffer.concat([...partial, chunk.subarray(from, end)]).toString('utf8') });
      }
      partial = [];
      lines++;
      from = end + 1;
    }
    if (from < chunk.length) partial.push(chunk.subarray(from));
    tail = Buffer.concat([tail, chunk.subarray(-TAIL_BYTES)]).subarray(-TAIL_BYTES);
  }

  function result() {
    const lastLine = tail.toString('utf8').trimEnd().split('\n').pop() ?? '';
    return { lines, sampled, lastLine, unterminated: partial.length > 0 };
  }

  return { take, result };
}

/**
 * @param {object} input
 * @param {string} input.cliEntry path to bin/hourglass.js
 * @param {{ line(id: number): string, expectedDue(id: number, schedule): number | null }} input.batchLines
 * @param {import('@hourglass/engine').Schedule} input.businessHours
 * @param {number} input.lineCount
 */
export async function measureEndToEnd({ cliEntry, batchLines, businessHours, lineCount }) {
  const chunks = prepareInput(batchLines, lineCount);
  const inputBytes = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  const useGnuTime = existsSync(GNU_TIME);
  const command = useGnuTime ? GNU_TIME : process.execPath;
  const args = useGnuTime ? ['-v', process.execPath, cliEntry, 'sla', 'deadlines'] : [cliEntry, 'sla', 'deadlines'];

  const begin = performance.now();
  const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  const scanner = createOutputScanner();
  let stderrText = '';
  let sampledPeakKb = null;
  const sampler = useGnuTime
    ? null
    : setInterval(() => {
        const kb = readVmHwmKb(child.pid);
        if (kb !== null) sampledPeakKb = Math.max(sampledPeakKb ?? 0, kb);
      }, SAMPLE_EVERY_MS);

  child.stdout.on('data', scanner.take);
  child.stderr.on('data', (chunk) => (stderrText += chunk));
  const exited = new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal }));
  });
  child.stdin.on('error', () => {});
  await writeAll(child.stdin, chunks);
  const { code, signal } = await exited;
  const elapsedMs = performance.now() - begin;
  if (sampler) clearInterval(sampler);

  const output = scanner.result();
  const problems = [];
  if (code !== 0) problems.push(`exit ${code ?? signal}: ${childStderr(stderrText).slice(-500)}`);
  if (output.lines !== lineCount) problems.push(`${output.lines} output lines for ${lineCount} input lines`);
  if (output.unterminated) problems.push('the last output line has no newline');
  if (lineCount > 0 && !output.lastLine.startsWith(`{"id":${lineCount - 1},`)) {
    problems.push(`last output line is not for id ${lineCount - 1}: ${output.lastLine.slice(0, 200)}`);
  }
  const mismatches = [];
  for (const { lineNumber, text } of output.sampled) {
    const wrong = checkAnswer({ id: lineNumber, text, batchLines, businessHours });
    if (wrong) mismatches.push({ input: batchLines.line(lineNumber), output: text, why: wrong });
  }

  const peakKb = useGnuTime ? peakFromGnuTime(stderrText) : sampledPeakKb;
  return {
    lines: lineCount,
    inputMegabytes: inputBytes / 1e6,
    elapsedMs,
    linesPerSecond: lineCount / (elapsedMs / 1000),
    microsecondsPerLine: (elapsedMs * 1000) / lineCount,
    peakRssMegabytes: peakKb === null ? null : peakKb / 1024,
    peakRssSource: useGnuTime ? '/usr/bin/time -v' : 'VmHWM sampled from /proc',
    checked: output.sampled.length,
    mismatches: mismatches.length,
    mismatchExamples: mismatches.slice(0, 3),
    problems,
  };
}
