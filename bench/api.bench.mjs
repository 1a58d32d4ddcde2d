/**
 * `npm run bench:api`: ticket creation (with its SLA targets, status history and audit entry) under
 * autocannon, next to a bare insert-one-row endpoint measured in the same run, on PostgreSQL and on
 * the embedded PGlite. Prints requests per second, p99 latency and the ratio, and writes
 * .bench-results/api.json. Targets: creation reaches at least half the bare endpoint's requests per
 * second, and its p99 stays under 50 ms on PostgreSQL. The two endpoints are measured in two rounds
 * each, in the order bare, create, create, bare, so a machine that speeds up or slows down during the
 * run weighs on both alike; each figure sums its rounds, and p99 is the worse round's.
 * Runs the compiled packages: build first. Options: --quick (short runs), --only=postgres|pglite.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { ensurePostgres } from '../scripts/postgres.mjs';
import { load } from './lib/api-load.mjs';
import { customerToken, prepareDatabase, startService } from './lib/api-server.mjs';

const QUICK = process.argv.includes('--quick');
const ONLY = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const KINDS = ['postgres', 'pglite'].filter((k) => !ONLY || k === ONLY);
const SETTINGS = { connections: 10, warmupSeconds: QUICK ? 1 : 3, durationSeconds: QUICK ? 4 : 10, rounds: 2 };
const CUSTOMER = { email: 'riley@bluefin-apps.example', password: 'hourglass-customer' };
const TICKET = { subject: 'Inbound webhooks time out', description: 'Our webhook endpoint sees 11200 warnings since 08:00.', priority: 'P2' };
const TARGETS = { minRatio: 0.5, maxP99MsOnPostgres: 50 };
const RESULTS_PATH = fileURLToPath(new URL('../.bench-results/api.json', import.meta.url));

async function measure(kind) {
  const database = await prepareDatabase(kind);
  const service = await startService(database.args);
  try {
    const token = await customerToken(service.url, CUSTOMER.email, CUSTOMER.password);
    const run = (path, body, durationSeconds) => load({ url: service.url, path, token, body, connections: SETTINGS.connections, durationSeconds });
    await run('/bench/bare', {}, SETTINGS.warmupSeconds);
    await run('/api/v1/tickets', TICKET, SETTINGS.warmupSeconds);
    const rounds = { bare: [], tickets: [] };
    const seconds = SETTINGS.durationSeconds / SETTINGS.rounds;
    for (let round = 0; round < SETTINGS.rounds; round++) {
      const order = round % 2 === 0 ? ['bare', 'tickets'] : ['tickets', 'bare'];
      for (const which of order) rounds[which].push(which === 'bare' ? await run('/bench/bare', {}, seconds) : await run('/api/v1/tickets', TICKET, seconds));
    }
    const bare = combine(rounds.bare, seconds);
    const tickets = combine(rounds.tickets, seconds);
    return { kind, bare, tickets, ratio: tickets.requestsPerSecond / bare.requestsPerSecond };
  } finally {
    await service.stop();
    await database.cleanup();
  }
}

/** One figure from several rounds of the same endpoint: requests per second over all of them, the median p50, the worst p99. */
function combine(rounds, seconds) {
  const total = rounds.reduce((sum, r) => sum + r.total, 0);
  const p50s = rounds.map((r) => r.p50Ms).sort((a, b) => a - b);
  return {
    requestsPerSecond: total / (seconds * rounds.length),
    p50Ms: p50s[Math.floor(p50s.length / 2)],
    p99Ms: Math.max(...rounds.map((r) => r.p99Ms)),
    total,
    non2xx: rounds.reduce((sum, r) => sum + r.non2xx, 0),
    errors: rounds.reduce((sum, r) => sum + r.errors, 0),
  };
}

function judge(result) {
  const misses = [];
  if (result.bare.non2xx + result.bare.errors > 0) misses.push(`the bare endpoint answered ${result.bare.non2xx} non-2xx and ${result.bare.errors} errors`);
  if (result.tickets.non2xx + result.tickets.errors > 0) misses.push(`ticket creation answered ${result.tickets.non2xx} non-2xx and ${result.tickets.errors} errors`);
  if (result.ratio < TARGETS.minRatio) misses.push(`ratio ${result.ratio.toFixed(2)} < ${TARGETS.minRatio}`);
  if (result.kind === 'postgres' && result.tickets.p99Ms >= TARGETS.maxP99MsOnPostgres) misses.push(`p99 ${result.tickets.p99Ms} ms >= ${TARGETS.maxP99MsOnPostgres} ms`);
  return misses;
}

async function main() {
  if (KINDS.includes('postgres')) await ensurePostgres();
  console.log(`API benchmark: ${SETTINGS.connections} connections, ${SETTINGS.durationSeconds} s per endpoint in ${SETTINGS.rounds} rounds (bare, create, create, bare), ${os.cpus().length} CPUs, Node ${process.version}`);
  const results = [];
  for (const kind of KINDS) {
    const result = await measure(kind);
    results.push({ ...result, misses: judge(result) });
  }
  console.log('');
  console.log('database   endpoint          req/s     p50 ms   p99 ms   requests   ratio');
  for (const r of results) {
    const row = (name, m, ratio) =>
      `${r.kind.padEnd(10)} ${name.padEnd(16)} ${m.requestsPerSecond.toFixed(0).padStart(7)} ${String(m.p50Ms).padStart(9)} ${String(m.p99Ms).padStart(8)} ${String(m.total).padStart(10)}   ${ratio}`;
    console.log(row('bare insert', r.bare, ''));
    console.log(row('create ticket', r.tickets, r.ratio.toFixed(2)));
  }
  console.log('');
  let ok = true;
  for (const r of results) {
    if (r.misses.length === 0) console.log(`${r.kind}: targets met (creation >= ${TARGETS.minRatio}x bare${r.kind === 'postgres' ? `, p99 < ${TARGETS.maxP99MsOnPostgres} ms` : ''}).`);
    else {
      ok = false;
      console.log(`${r.kind}: targets missed: ${r.misses.join('; ')}.`);
    }
  }
  await mkdir(new URL('../.bench-results/', import.meta.url), { recursive: true });
  await writeFile(RESULTS_PATH, `${JSON.stringify({ settings: SETTINGS, targets: TARGETS, results }, null, 2)}\n`);
  console.log(`Results written to ${RESULTS_PATH}`);
  process.exitCode = ok ? 0 : 1;
}

main().catch((error) => {
  console.error(`The API benchmark could not run: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
