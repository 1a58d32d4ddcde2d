// Starts and stops the service process for the API benchmark, and prepares its databases.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

// The service process the tests use too, with the bare endpoint mounted and logging off. It runs the
// timer worker in the same process, as `npm start` does, unless `--no-worker` is among the arguments.
const SCRIPT = fileURLToPath(new URL('../../packages/server/test/support/serve-process.mjs', import.meta.url));
const SCRIPT_FLAGS = ['--bench-routes', '--silent'];
export const MAINTENANCE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Spawns the service and resolves with its URL and a stop function once it listens. */
export function startService(args) {
  return new Promise((resolve, reject) => {
    // HOURGLASS_BENCH_NODE_ARGS passes Node options to the service, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
    const nodeArgs = (process.env.HOURGLASS_BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const child = spawn(process.execPath, [...nodeArgs, SCRIPT, ...SCRIPT_FLAGS, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`the service did not start within 60 s:\n${err}`)), 60_000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const line = out.split('\n').find((l) => l.startsWith('{"ready"'));
      if (line) {
        clearTimeout(timer);
        const stop = () =>
          new Promise((done) => {
            child.removeAllListeners('exit');
            child.once('exit', done);
            child.kill('SIGTERM');
          });
        resolve({ url: JSON.parse(line).ready, stop });
      }
    });
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the service exited with ${code} before it was ready:\n${err}`));
    });
  });
}

async function maintenance(statement) {
  const client = new pg.Client({ connectionString: MAINTENANCE_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Where each database kind keeps the benchmark's data, and how to clean it up afterwards. */
export async function prepareDatabase(kind) {
  if (kind === 'pglite') {
    const dir = await mkdtemp(path.join(tmpdir(), 'hourglass-bench-'));
    return { args: ['--data-dir', dir], cleanup: () => rm(dir, { recursive: true, force: true }) };
  }
  const name = `hourglass_bench_${randomBytes(5).toString('hex')}`;
  await maintenance(`create database ${name}`);
  const url = new URL(MAINTENANCE_URL);
  url.pathname = `/${name}`;
  return { args: ['--database-url', url.toString()], cleanup: () => maintenance(`drop database if exists ${name} with (force)`) };
}

/** Signs in as a demo customer and makes an API token for the load. */
export async function customerToken(url, email, password) {
  const session = await fetch(`${url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (session.status !== 200) throw new Error(`sign-in failed: ${session.status} ${await session.text()}`);
  const cookie = session.headers.getSetCookie()[0].split(';')[0];
  // A signed-in browser sends its origin with every change; the service refuses cookie requests without it.
  const token = await fetch(`${url}/api/v1/tokens`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, origin: new URL(url).origin }, body: JSON.stringify({ name: 'bench' }) });
  if (token.status !== 201) throw new Error(`token creation failed: ${token.status} ${await token.text()}`);
  return (await token.json()).token;
}
