/** Runs one peer in its own process with the Pacific zone as local time (see peer-process.mjs). */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ZONE } from './workload.mjs';

const run = promisify(execFile);
const PEER_PROCESS = fileURLToPath(new URL('./peer-process.mjs', import.meta.url));
/** Time allowed beyond the measuring budget for start-up, the extra samples and the answers. */
const GRACE_MS = 60_000;

/**
 * @returns {Promise<{ name, version, measured, elapsedMs, opsPerSecond, microsecondsPerOperation, answers: number[], secondsAnswers: number[], edgeAnswers: number[] } | { failed: string }>}
 */
export async function runPeer(peerName, budgetMs, secondsSample) {
  let stdout;
  try {
    ({ stdout } = await run(process.execPath, [PEER_PROCESS, peerName, String(budgetMs), String(secondsSample)], {
      env: { ...process.env, TZ: ZONE },
      maxBuffer: 64 * 1024 * 1024,
      timeout: budgetMs + GRACE_MS,
    }));
  } catch (error) {
    const stderr = String(error.stderr ?? '').trim().split('\n').find((line) => /^\w*Error: /.test(line));
    const why = error.killed ? `did not finish within ${(budgetMs + GRACE_MS) / 1000} s` : stderr ?? error.message;
    return { failed: `the ${peerName} process failed: ${why}` };
  }
  try {
    return JSON.parse(stdout);
  } catch {
    return { failed: `the ${peerName} process printed something other than its JSON result: ${stdout.slice(0, 200)}` };
  }
}
