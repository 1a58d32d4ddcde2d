/**
 * `npm run bench:status`: the public status JSON during an incident stampede, on PostgreSQL. Two API
 * processes share one database. Process A (its server pinned to one core with `taskset` where there
 * is one) takes autocannon's load on `/api/v2/summary.json` while, through process B, the incident gets
 * ten updates a second; each update's id is then looked for in both processes' summary.json, and the
 * delay from its commit (the API's answer) to its first sighting is its visibility delay. Last, process
 * A's connection to PostgreSQL (through a TCP proxy run here) is cut: its page and JSON must keep
 * answering with the last state and say since when.
 * Targets: >= 20,000 requests/s, p99 < 20 ms, every update visible on both processes within 1 s.
 * Runs the compiled packages: build first. Options: --quick (shorter runs).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensurePostgres } from '../scripts/postgres.mjs';
import { customerToken, prepareDatabase } from './lib/api-server.mjs';

const QUICK = process.argv.includes('--quick');
const SETTINGS = { connections: 10, warmupSeconds: QUICK ? 1 : 3, durationSeconds: QUICK ? 5 : 15, updatesPerSecond: 10 };
const TARGETS = { minRequestsPerSecond: 20_000, maxP99Ms: 20, maxVisibilityMs: 1000 };
const ADMIN = { email: 'admin@hourglass.example', password: 'hourglass-admin' };
const SERVE = fileURLToPath(new URL('../packages/server/test/support/serve-process.mjs', import.meta.url));
const AUTOCANNON = fileURLToPath(new URL('../node_modules/autocannon/autocannon.js', import.meta.url));
const RESULTS_PATH = fileURLToPath(new URL('../.bench-results/status.json', import.meta.url));
const TASKSET = ['/usr/bin/taskset', '/bin/taskset'].find((p) => existsSync(p));
const CPUS = os.cpus().length;

/** Runs `args` pinned to `core` when taskset and that core exist. */
function pinned(core, args) {
  return TASKSET && core < CPUS ? [TASKSET, ['-c', String(core), ...args]] : [args[0], args.slice(1)];
}

/** Starts a service process; resolves with its URL and a stop function once it listens. */
function startService(args, core) {
  return new Promise((resolve, reject) => {
    const [command, argv] = pinned(core, [process.execPath, SERVE, '--silent', '--no-worker', ...args]);
    const child = spawn(command, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`the service did not start within 60 s:\n${err}`)), 60_000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const line = out.split('\n').find((l) => l.startsWith('{"ready"'));
      if (!line) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({ url: JSON.parse(line).ready, pid: child.pid, stop: () => new Promise((done) => (child.exitCode !== null ? done() : (child.once('exit', done), child.kill('SIGTERM')))) });
    });
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the service exited with ${code} before it was ready:\n${err}`));
    });
  });
}

/** A TCP proxy to PostgreSQL that can be cut, as a network failure would. */
async function startProxy(target) {
  const upstream = new URL(target);
  const sockets = new Set();
  const server = net.createServer((client) => {
    const db = net.connect(Number(upstream.port || 5432), upstream.hostname);
    for (const s of [client, db]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    client.pipe(db);
    db.pipe(client);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = new URL(target);
  url.host = `127.0.0.1:${server.address().port}`;
  return {
    url: url.toString(),
    cut: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** autocannon in its own process (pinned to another core), so its load does not slow the measuring here. */
function loadSummary(url, durationSeconds, core) {
  return new Promise((resolve, reject) => {
    const [command, argv] = pinned(core, [process.execPath, AUTOCANNON, '--json', '-c', String(SETTINGS.connections), '-d', String(durationSeconds), '-H', 'accept-encoding=gzip, deflate, br', `${url}/api/v2/summary.json`]);
    const child = spawn(command, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited with ${code}`));
      const r = JSON.parse(out);
      resolve({ requestsPerSecond: r.requests.average, p50Ms: r.latency.p50, p99Ms: r.latency.p99, total: r.requests.total, non2xx: r.non2xx, errors: r.errors + r.timeouts });
    });
  });
}

async function api(url, token, method, pathName, body) {
  const response = await fetch(`${url}${pathName}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${method} ${pathName}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** CPU time a process has used so far, in microseconds (Linux /proc; null elsewhere). */
function cpuMicros(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1_000_000) / 100;
  } catch {
    return null;
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The update ids a process's summary.json shows now. */
async function shownUpdates(url) {
  const summary = await (await fetch(`${url}/api/v2/summary.json`)).json();
  return new Set(summary.incidents.flatMap((i) => i.incident_updates.map((u) => u.id)));
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main() {
  // This process (the database proxy of A, the writer and the watcher) keeps to core 0 with B and
  // autocannon, so that A's core serves A.
  if (TASKSET && CPUS > 1) spawnSync(TASKSET, ['-cp', '0', String(process.pid)], { stdio: 'ignore' });
  await ensurePostgres();
  const database = await prepareDatabase('postgres');
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'hourglass-status-bench-'));
  const databaseUrl = database.args[1];
  const proxy = await startProxy(databaseUrl);
  const started = [];
  try {
    console.log(
      `Status page benchmark: autocannon, ${SETTINGS.connections} connections on /api/v2/summary.json of process A (asking for gzip, as browsers and aggregators do) for ${SETTINGS.durationSeconds} s ` +
        `(server ${TASKSET && CPUS > 1 ? 'pinned to core 1, autocannon to core 0' : 'not pinned: taskset or a second core missing'}), ` +
        `${SETTINGS.updatesPerSecond} incident updates a second through process B; ${CPUS} CPUs, load average ${os.loadavg()[0].toFixed(1)}, Node ${process.version}`,
    );
    const a = await startService(['--database-url', proxy.url, '--data-dir', path.join(dataDir, 'a')], 1);
    started.push(a);
    const b = await startService(['--database-url', databaseUrl, '--data-dir', path.join(dataDir, 'b')], 0);
    started.push(b);
    const token = await customerToken(b.url, ADMIN.email, ADMIN.password);
    const component = await api(b.url, token, 'POST', '/api/v1/status/components', { key: 'bench-messaging', name: 'Messaging API (bench)' });
    const incident = await api(b.url, token, 'POST', '/api/v1/incidents', {
      kind: 'incident', name: 'Messages are delayed (bench)', status: 'investigating', impact: 'major', body: 'We are looking into it.', components: [{ id: component.id, status: 'partial_outage' }], notify: false,
    });

    await loadSummary(a.url, SETTINGS.warmupSeconds, 0);
    // The same load with no incident updates: what serving alone costs.
    const quietCpuBefore = cpuMicros(a.pid);
    const quiet = await loadSummary(a.url, Math.min(5, SETTINGS.durationSeconds), 0);
    const quietCpuAfter = cpuMicros(a.pid);
    quiet.serverCpuMicrosPerRequest = quietCpuBefore === null || quietCpuAfter === null ? null : (quietCpuAfter - quietCpuBefore) / quiet.total;
    console.log(
      `summary.json on A with no updates: ${quiet.requestsPerSecond.toFixed(0)} requests/s, p99 ${quiet.p99Ms} ms` +
        (quiet.serverCpuMicrosPerRequest === null ? '' : `, server CPU ${quiet.serverCpuMicrosPerRequest.toFixed(1)} µs per request (${(1_000_000 / quiet.serverCpuMicrosPerRequest).toFixed(0)} requests/s per core)`),
    );
    // The load, and meanwhile ten updates a second through B, each looked for on A and B.
    const updates = [];
    let writing = true;
    const writer = (async () => {
      const every = 1000 / SETTINGS.updatesPerSecond;
      for (let n = 1; writing; n++) {
        const due = Date.now() + every;
        const sentAt = Date.now();
        const answer = await api(b.url, token, 'POST', `/api/v1/incidents/${incident.id}/updates`, { status: 'identified', body: `Update ${n}: still working on it.`, notify: false });
        updates.push({ id: answer.updates[0].id, sentAt, committedAt: Date.now(), seen: { a: null, b: null } });
        await sleep(Math.max(0, due - Date.now()));
      }
    })();
    let watching = true;
    const watcher = (async () => {
      while (watching || updates.some((u) => u.seen.a === null || u.seen.b === null)) {
        for (const [name, url] of [['a', a.url], ['b', b.url]]) {
          const shown = await shownUpdates(url).catch(() => new Set());
          const now = Date.now();
          for (const u of updates) if (u.seen[name] === null && shown.has(u.id)) u.seen[name] = now - u.committedAt;
        }
        if (!watching && updates.every((u) => Date.now() - u.committedAt > 5000)) break;
        await sleep(10);
      }
    })();
    const cpuBefore = cpuMicros(a.pid);
    const load = await loadSummary(a.url, SETTINGS.durationSeconds, 0);
    const cpuAfter = cpuMicros(a.pid);
    // What A's server spent per request (its CPU time, including the re-reads the updates cause), and the
    // rate one core of that would serve: a figure the other processes on a busy machine weigh on less.
    load.serverCpuMicrosPerRequest = cpuBefore === null || cpuAfter === null ? null : (cpuAfter - cpuBefore) / load.total;
    writing = false;
    await writer;
    watching = false;
    await watcher;

    const delays = { a: updates.map((u) => u.seen.a ?? Infinity), b: updates.map((u) => u.seen.b ?? Infinity) };
    const visibility = Object.fromEntries(
      Object.entries(delays).map(([name, d]) => [name, { updates: d.length, p50Ms: percentile(d, 50), p99Ms: percentile(d, 99), maxMs: Math.max(...d), missed: d.filter((x) => !Number.isFinite(x)).length }]),
    );
    console.log('');
    console.log(`summary.json on A under load: ${load.requestsPerSecond.toFixed(0)} requests/s, p50 ${load.p50Ms} ms, p99 ${load.p99Ms} ms, ${load.total} requests, ${load.non2xx} non-2xx, ${load.errors} errors`);
    if (load.serverCpuMicrosPerRequest !== null) {
      console.log(`A's server CPU per request: ${load.serverCpuMicrosPerRequest.toFixed(1)} µs, i.e. ${(1_000_000 / load.serverCpuMicrosPerRequest).toFixed(0)} requests/s per core of server time`);
    }
    console.log(`updates written through B: ${updates.length} in ${SETTINGS.durationSeconds} s`);
    for (const [name, v] of Object.entries(visibility)) {
      console.log(`visibility on ${name.toUpperCase()} (commit to first sighting): p50 ${v.p50Ms} ms, p99 ${v.p99Ms} ms, max ${v.maxMs} ms${v.missed ? `, ${v.missed} never seen` : ''}`);
    }
    console.log(`each update on A and B (ms): ${updates.map((u) => `${u.seen.a ?? '-'}/${u.seen.b ?? '-'}`).join(' ')}`);

    // Cut A off from PostgreSQL: its page and JSON keep answering with the last state, and say so.
    const lastId = updates.at(-1)?.id;
    await proxy.cut();
    await sleep(1500);
    const page = await fetch(`${a.url}/status`);
    const pageText = await page.text();
    const summary = await fetch(`${a.url}/api/v2/summary.json`);
    const summaryJson = await summary.json();
    const down = {
      pageStatus: page.status,
      pageSaysStale: pageText.includes('cannot reach its database'),
      jsonStatus: summary.status,
      staleSince: summary.headers.get('x-status-stale-since'),
      updatedAt: summaryJson.page.updated_at,
      lastUpdateShown: summaryJson.incidents.some((i) => i.incident_updates.some((u) => u.id === lastId)),
    };
    console.log('');
    console.log(
      `A with PostgreSQL cut off: /status ${down.pageStatus}${down.pageSaysStale ? ' (says it shows the last known state)' : ' (no stale notice!)'}, ` +
        `summary.json ${down.jsonStatus} with page.updated_at ${down.updatedAt} (x-status-stale-since ${down.staleSince}), last update ${down.lastUpdateShown ? 'shown' : 'MISSING'}`,
    );

    const misses = [];
    if (load.requestsPerSecond < TARGETS.minRequestsPerSecond) misses.push(`${load.requestsPerSecond.toFixed(0)} requests/s < ${TARGETS.minRequestsPerSecond}`);
    if (load.p99Ms >= TARGETS.maxP99Ms) misses.push(`p99 ${load.p99Ms} ms >= ${TARGETS.maxP99Ms} ms`);
    if (load.non2xx + load.errors > 0) misses.push(`${load.non2xx} non-2xx and ${load.errors} errors under load`);
    for (const [name, v] of Object.entries(visibility)) if (!(v.maxMs < TARGETS.maxVisibilityMs)) misses.push(`an update took ${v.maxMs} ms to show on ${name.toUpperCase()}`);
    if (!(down.pageStatus === 200 && down.pageSaysStale && down.jsonStatus === 200 && down.staleSince && down.lastUpdateShown)) misses.push('the page or JSON did not keep answering with the last state while the database was cut off');
    console.log('');
    console.log(misses.length === 0 ? 'Targets met.' : `Targets missed: ${misses.join('; ')}.`);
    await mkdir(path.dirname(RESULTS_PATH), { recursive: true });
    await writeFile(RESULTS_PATH, `${JSON.stringify({ settings: SETTINGS, targets: TARGETS, cpus: CPUS, pinned: Boolean(TASKSET && CPUS > 1), load, visibility, updates: updates.length, databaseCut: down, misses }, null, 2)}\n`);
    console.log(`Results written to ${RESULTS_PATH}`);
    process.exitCode = misses.length === 0 ? 0 : 1;
  } finally {
    for (const service of started.reverse()) await service.stop();
    await proxy.cut().catch(() => undefined);
    await database.cleanup();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`The status benchmark could not run: ${error instanceof Error ? error.stack : String(error)}`);
  process.exitCode = 1;
});
