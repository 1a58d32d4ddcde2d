import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock, systemClock } from '../src/clock.js';
import { openDatabase } from '../src/db/open.js';
import { buildApp } from '../src/app/build-app.js';
import { loadShippedCatalog } from '../src/policy/shipped.js';
import { DEMO_PASSWORDS } from '../src/seed/demo-data.js';
import { startServer, startWorker, type RunningServer, type RunningWorker } from '../src/app/serve.js';
import { createTestDatabase } from './support/databases.js';
import { RILEY } from './support/workflow.js';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../cli/bin/hourglass.js');

describe('scale-out: the API without a worker, and a separate worker, on one PostgreSQL', () => {
  let database: { url: string; drop(): Promise<void> };
  let api: RunningServer;
  let worker: RunningWorker;
  const clock = fixedClock(Date.parse('2026-03-03T17:00:00Z'));

  beforeAll(async () => {
    database = await createTestDatabase();
    api = await startServer({ databaseUrl: database.url, port: 0, host: '127.0.0.1', clock, worker: false, handleSignals: false, logLevel: 'silent', print: () => {} });
    worker = await startWorker({ databaseUrl: database.url, clock, handleSignals: false, print: () => {} });
  });
  afterAll(async () => {
    await worker?.stop();
    await api?.close();
    await database?.drop();
  });

  it('the API only records; the separate worker sends the confirmation email', async () => {
    expect(api.workflow).toBeNull();
    const login = await fetch(`${api.url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: RILEY, password: DEMO_PASSWORDS.customer }) });
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const created = await fetch(`${api.url}/api/v1/tickets`, { method: 'POST', headers: { cookie, origin: api.url, 'content-type': 'application/json' }, body: JSON.stringify({ subject: 'Scale-out', description: 'Sent by a worker.' }) });
    expect(created.status).toBe(201);
    const id = ((await created.json()) as { id: string }).id;
    const db = (await openDatabase({ databaseUrl: database.url, maxConnections: 1 })).db;
    try {
      let sent: unknown[] = [];
      for (let i = 0; i < 60 && sent.length === 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        sent = await db.selectFrom('mail_log').select(['event', 'transport']).where('ticket_id', '=', id).execute();
      }
      expect(sent).toEqual([{ event: 'ticket_created', transport: 'log' }]);
      const clockMove = await fetch(`${api.url}/api/v1/admin/clock`, { method: 'GET', headers: { cookie } });
      expect(clockMove.status).toBe(403);
    } finally {
      await db.destroy();
    }
  });

  it('`hourglass worker` stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, [BIN, 'worker', '--database-url', database.url], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LOG_LEVEL: 'silent' } });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    for (let i = 0; i < 100 && !out.includes('is firing timers'); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(out).toContain('is firing timers');
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 20_000);
});

describe('time travel on the system clock', () => {
  it('is refused with 409 and says how to enable it', async () => {
    const handle = await openDatabase({});
    const { migrateToLatest } = await import('../src/db/migrate.js');
    const { seedDemoData } = await import('../src/seed/seed.js');
    await migrateToLatest(handle.db);
    const registry = await loadShippedCatalog();
    await seedDemoData(handle.db, registry, systemClock, { tickets: false });
    const app = await buildApp({ db: handle.db, clock: systemClock, registry, webApp: false });
    try {
      const login = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: 'admin@hourglass.example', password: DEMO_PASSWORDS.admin } });
      const cookie = `hourglass_session=${login.cookies.find((c) => c.name === 'hourglass_session')!.value}`;
      const moved = await app.inject({ method: 'POST', url: '/api/v1/admin/clock', headers: { cookie, origin: 'http://localhost' }, payload: { advance: '2d' } });
      expect(moved.statusCode).toBe(409);
      expect(moved.json().error.message).toContain('HOURGLASS_CLOCK=fixed:');
      const shown = await app.inject({ method: 'GET', url: '/api/v1/admin/clock', headers: { cookie } });
      expect(shown.json()).toMatchObject({ movable: false, worker: false });
    } finally {
      await app.close();
      await handle.close();
    }
  });
});
