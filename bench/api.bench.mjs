/**
 * `npm run bench:api`: ticket creation (with its SLA targets, status history, audit entry, timers and
 * notifications) under autocannon, next to a bare insert-one-row endpoint measured in the same run, on
 * PostgreSQL and on the embedded PGlite. The service runs as `npm start` runs it: its own process, with
 * the timer worker in that process. Creation is measured twice: without an Idempotency-Key, and with a
 * new key on every request, as the web app sends one per user action (the key is stored in the same
 * transaction as the ticket). Prints requests per second, p50/p99 latency and each path's ratio to the
 * bare endpoint, and writes .bench-results/api.json. Targets, on both creation paths: at least half the
 * bare endpoint's requests per second, and p99 under 50 ms on PostgreSQL. The endpoints are measured in
 * two rounds, the second in reverse order (bare, create, keyed, keyed, create, bare), so a machine that
 * speeds up or slows down during the run weighs on all alike; each figure sums its rounds, and p99 is
 * the worse round's. Runs the compiled packages: build first.
 * Options: --quick (short runs), --only=postgres|pglite, --no-worker (no timer worker in the service).
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
const WORKER = !process.argv.includes('--no-worker');
const SETTINGS = { connections: 10, warmupSeconds: QUICK ? 1 : 3, durationSeconds: QUICK ? 4 : 10, rounds: 2 };
const CUSTOMER = { email: 'riley@bluefin-apps.example', password: 'hourglass-customer' };
const TICKET = { subject: 'Inbound webhooks time out', description: 'Our webhook endpoint sees 11200 warnings since 08:00.', priority: 'P2' };
const TARGETS = { minRatio: 0.5, maxP99MsOnPostgres: 50 };
const RESULTS_PATH = fileURLToPath(new URL('../.bench-results/api.json', import.meta.url));

/** The endpoints measured: the bare insert, and ticket creation without and with an Idempotency-Key. */
const ENDPOINTS = [
  { id: 'bare', label: 'bare insert', path: '/bench/bare', body: {}, keyed: false },
  { id: 'create', label: 'create, no key', path: '/api/v1/tickets', body: TICKET, keyed: false },
  { id: 'keyed', label: 'create, keyed', path: '/api/v1/tickets', body: TICKET, keyed: true },
];

async function measure(kind) {
  const database = await prepareDatabase(kind);
  const service = await startService([...database.args, ...(WORKER ? [] : ['--no-worker'])]);
  try {
    const token = await customerToken(service.url, CUSTOMER.email, CUSTOMER.password);
    // A P2 ticket is about a production project (the pack refuses it otherwise): the customer's own.
    const project = await productionProject(service.url, token);
    const run = (endpoint, durationSeconds) =>
      load({ url: service.url, path: endpoint.path, token, body: endpoint.id === 'bare' ? endpoint.body : { ...endpoint.body, project_id: project }, keyed: endpoint.keyed, connections: SETTINGS.connections, durationSeconds });
    for (const endpoint of ENDPOINTS) await run(endpoint, SETTINGS.warmupSeconds);
    const rounds = Object.fromEntries(ENDPOINTS.map((e) => [e.id, []]));
    const seconds = SETTINGS.durationSeconds / SETTINGS.rounds;
    for (let round = 0; round < SETTINGS.rounds; round++) {
      const order = round % 2 === 0 ? ENDPOINTS : [...ENDPOINTS].reverse();
      for (const endpoint of order) rounds[endpoint.id].push(await run(endpoint, seconds));
    }
    const figures = Object.fromEntries(ENDPOINTS.map((e) => [e.id, combine(rounds[e.id], seconds)]));
    const ratio = (id) => figures[id].requestsPerSecond / figures.bare.requestsPerSecond;
    return { kind, worker: WORKER, ...figures, ratios: { create: ratio('create'), keyed: ratio('keyed') } };
  } finally {
    await service.stop();
    await database.cleanup();
  }
}

/** The id of the production project of the customer's account. */
async function productionProject(url, token) {
  const response = await fetch(`${url}/api/v1/accounts`, { headers: { authorization: `Bearer ${token}` } });
  if (response.status !== 200) throw new Error(`listing the customer's account failed: ${response.status} ${await response.text()}`);
  const project = (await response.json()).items[0]?.projects.find((p) => p.production);
  if (!project) throw new Error("the customer's account has no production project");
  return project.id;
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
  for (const endpoint of ENDPOINTS) {
    const m = result[endpoint.id];
    if (m.non2xx + m.errors > 0) misses.push(`${endpoint.label} answered ${m.non2xx} non-2xx and ${m.errors} errors`);
    if (endpoint.id === 'bare') continue;
    const ratio = result.ratios[endpoint.id];
    if (ratio < TARGETS.minRatio) misses.push(`${endpoint.label}: ratio ${ratio.toFixed(2)} < ${TARGETS.minRatio}`);
    if (result.kind === 'postgres' && m.p99Ms >= TARGETS.maxP99MsOnPostgres) misses.push(`${endpoint.label}: p99 ${m.p99Ms} ms >= ${TARGETS.maxP99MsOnPostgres} ms`);
  }
  return misses;
}

async function main() {
  if (KINDS.includes('postgres')) await ensurePostgres();
  console.log(
    `API benchmark: ${SETTINGS.connections} connections, ${SETTINGS.durationSeconds} s per endpoint in ${SETTINGS.rounds} rounds (bare, create, keyed, keyed, create, bare), ` +
      `timer worker ${WORKER ? 'in the service process (as npm start)' : 'off'}, ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)}, Node ${process.version}`,
  );
  const results = [];
  for (const kind of KINDS) {
    const result = await measure(kind);
    results.push({ ...result, misses: judge(result) });
  }
  console.log('');
  console.log('database   endpoint           req/s     p50 ms   p99 ms   requests   ratio to bare');
  for (const r of results) {
    for (const endpoint of ENDPOINTS) {
      const m = r[endpoint.id];
      const ratio = endpoint.id === 'bare' ? '' : r.ratios[endpoint.id].toFixed(2);
      console.log(`${r.kind.padEnd(10)} ${endpoint.label.padEnd(16)} ${m.requestsPerSecond.toFixed(0).padStart(8)} ${String(m.p50Ms).padStart(9)} ${String(m.p99Ms).padStart(8)} ${String(m.total).padStart(10)}   ${ratio}`);
    }
  }
  console.log('');
  let ok = true;
  for (const r of results) {
    if (r.misses.length === 0) console.log(`${r.kind}: targets met on both creation paths (>= ${TARGETS.minRatio}x bare${r.kind === 'postgres' ? `, p99 < ${TARGETS.maxP99MsOnPostgres} ms` : ''}).`);
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
