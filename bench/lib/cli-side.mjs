/**
 * The CLI's batch command, in process (`createBatchAnswerer`, `runBatch`) and end to end (the real
 * `hourglass sla deadlines` process), each only when @hourglass/cli is built far enough for it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkAnswer } from './answer-check.mjs';
import { measureBatchPath } from './batch-path.mjs';
import { measureBatchStream } from './batch-stream.mjs';
import { measureEndToEnd } from './end-to-end.mjs';

const CLI_ENTRY = fileURLToPath(new URL('../../packages/cli/bin/hourglass.js', import.meta.url));
const CLI_MAIN = fileURLToPath(new URL('../../packages/cli/dist/main.js', import.meta.url));
const SMOKE_LINES = 8;

async function loadCli() {
  try {
    return await import('@hourglass/cli');
  } catch (error) {
    if (error?.code === 'ERR_MODULE_NOT_FOUND') return { missing: `@hourglass/cli cannot be loaded (${error.message.split('\n')[0]})` };
    throw error;
  }
}

/** The answerer and the stream runner from @hourglass/cli, or why they cannot be had. */
async function batchApi(registry) {
  if (!registry) return { notMeasured: '@hourglass/policy loadShippedPacks() is not available (is the package built?)' };
  const cli = await loadCli();
  if (cli.missing) return { notMeasured: cli.missing };
  if (typeof cli.createBatchAnswerer !== 'function') return { notMeasured: '@hourglass/cli does not export createBatchAnswerer' };
  return { answer: cli.createBatchAnswerer(registry), runBatch: typeof cli.runBatch === 'function' ? cli.runBatch : null };
}

/**
 * Cost per line in process: the answerer alone (parse, compute, format) and, when exported,
 * `runBatch` over an in-memory stream (adds line splitting and output buffering).
 */
export async function benchBatchPath({ registry, batchLines, businessHours, lineCount }) {
  const api = await batchApi(registry);
  if (api.notMeasured) return { answerer: { notMeasured: api.notMeasured }, stream: { notMeasured: api.notMeasured } };
  const answerer = measureBatchPath({ answer: api.answer, batchLines, businessHours, lineCount });
  const stream = api.runBatch
    ? await measureBatchStream({ runBatch: api.runBatch, answer: api.answer, batchLines, lineCount })
    : { notMeasured: '@hourglass/cli does not export runBatch' };
  return { answerer, stream };
}

/** A few lines through the real process first, so a broken build is reported in plain words. */
function smokeTest(batchLines, businessHours) {
  const input = Array.from({ length: SMOKE_LINES }, (_, id) => batchLines.line(id) + '\n').join('');
  const run = spawnSync(process.execPath, [CLI_ENTRY, 'sla', 'deadlines'], { input, encoding: 'utf8', timeout: 30_000 });
  if (run.error) return `could not run ${CLI_ENTRY}: ${run.error.message}`;
  if (run.status !== 0) return `\`hourglass sla deadlines\` exited ${run.status ?? run.signal}: ${run.stderr.trim().slice(0, 400)}`;
  const answers = run.stdout.split('\n').filter((line) => line.length > 0);
  if (answers.length !== SMOKE_LINES) return `\`hourglass sla deadlines\` gave ${answers.length} answers for ${SMOKE_LINES} lines`;
  for (let id = 0; id < SMOKE_LINES; id++) {
    const wrong = checkAnswer({ id, text: answers[id], batchLines, businessHours });
    if (wrong) return `\`hourglass sla deadlines\` answered ${batchLines.line(id)} wrongly: ${wrong}`;
  }
  return null;
}

export async function benchEndToEnd({ batchLines, businessHours, lineCount }) {
  if (!existsSync(CLI_MAIN)) return { notMeasured: `${CLI_MAIN} does not exist (is @hourglass/cli built?)` };
  const broken = smokeTest(batchLines, businessHours);
  if (broken) return { notMeasured: broken };
  return measureEndToEnd({ cliEntry: CLI_ENTRY, batchLines, businessHours, lineCount });
}
