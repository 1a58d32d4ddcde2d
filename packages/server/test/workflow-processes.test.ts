import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { simpleParser } from 'mailparser';
import { sql } from 'kysely';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../src/clock.js';
import { type DatabaseHandle, openDatabase } from '../src/db/open.js';
import { verifyWebhook } from '../src/notify/index.js';
import { DEMO_PASSWORDS } from '../src/seed/demo-data.js';
import { startServer, type RunningServer } from '../src/app/serve.js';
import { createTestDatabase } from './support/databases.js';
import { ADMIN, RILEY } from './support/workflow.js';

/*
 * The API records ticket events without firing anything; three `hourglass worker` processes on the same
 * PostgreSQL turn them into real email (to an SMTP listener on loopback) and signed webhooks (to an HTTP
 * receiver that checks the signature). One worker is killed with SIGKILL while it is sending. Every
 * message must arrive, and a message sent again after the kill must carry the same Message-ID or
 * Hourglass-Delivery id, so the receiver keeps one of each.
 */
const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../cli/bin/hourglass.js');
const TICKETS = 24;
const SLOW_MS = 40;
const LEASE_MS = 2_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Worker {
  child: ChildProcess;
  output: () => string;
}

function spawnWorker(url: string, smtpPort: number): Promise<Worker> {
  const child = spawn(process.execPath, [BIN, 'worker', '--database-url', url, '--lease-ms', String(LEASE_MS)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LOG_LEVEL: 'silent', HOURGLASS_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, HOURGLASS_SUPPORT_ADDRESS: 'support@desk.example.test', HOURGLASS_WEBHOOK_ALLOW: '127.0.0.1' },
  });
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const check = setInterval(() => {
      if (out.includes('is firing timers')) {
        clearInterval(check);
        resolve({ child, output: () => out });
      } else if (child.exitCode !== null || Date.now() - started > 30_000) {
        clearInterval(check);
        reject(new Error(`the worker did not start:\n${out}`));
      }
    }, 50);
  });
}

function stop(worker: Worker, signal: NodeJS.Signals): Promise<number | null> {
  if (worker.child.exitCode !== null || worker.child.signalCode !== null) return Promise.resolve(worker.child.exitCode);
  return new Promise((resolve) => {
    worker.child.once('exit', (code) => resolve(code));
    worker.child.kill(signal);
  });
}

describe('three worker processes on one PostgreSQL send every email and webhook once, one of them killed mid-run', () => {
  let database: { url: string; drop(): Promise<void> };
  let api: RunningServer;
  let handle: DatabaseHandle;
  let smtp: SMTPServer;
  let receiver: Server;
  let secret = '';
  const emails: string[] = [];
  const hooks: { delivery: string; verified: boolean }[] = [];
  const workers: Worker[] = [];

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      onData(stream, _session, callback) {
        simpleParser(stream).then(async (parsed) => {
          await sleep(SLOW_MS);
          emails.push(parsed.messageId ?? '(none)');
          callback();
        }, callback);
      },
    });
    // A worker killed mid-send resets its connection; the listener reports that as an 'error' event,
    // which is expected here and must not end the test process.
    smtp.on('error', () => {});
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    receiver = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (c: Buffer) => chunks.push(c));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const check = verifyWebhook({ secret, header: request.headers['hourglass-signature'] as string | undefined, body, nowMs: Date.now() });
        setTimeout(() => {
          hooks.push({ delivery: request.headers['hourglass-delivery'] as string, verified: check.ok });
          response.writeHead(check.ok ? 204 : 401).end();
        }, SLOW_MS);
      });
    });
    receiver.on('clientError', (_error, socket) => socket.destroy());
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    database = await createTestDatabase();
    api = await startServer({ databaseUrl: database.url, port: 0, host: '127.0.0.1', clock: systemClock, worker: false, handleSignals: false, logLevel: 'silent', print: () => {}, webhookAllow: ['127.0.0.1'] });
    handle = await openDatabase({ databaseUrl: database.url, maxConnections: 2 });
  });
  afterAll(async () => {
    for (const worker of workers) await stop(worker, 'SIGKILL');
    await api?.close();
    await handle?.close();
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
    await new Promise<void>((resolve) => (receiver ? receiver.close(() => resolve()) : resolve()));
    await database?.drop();
  });

  const signIn = async (email: string, role: 'admin' | 'customer') => {
    const login = await fetch(`${api.url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: DEMO_PASSWORDS[role] }) });
    expect(login.status).toBe(200);
    return login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  };
  const post = (cookie: string, url: string, body: unknown) =>
    fetch(`${api.url}${url}`, { method: 'POST', headers: { cookie, origin: api.url, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const count = async (query: string) => (await sql.raw<{ n: number }>(query).execute(handle.db)).rows[0]!.n;

  it('delivers every message, and repeats only what the killed worker held, under the same id', async () => {
    const admin = await signIn(ADMIN, 'admin');
    const hookResponse = await post(admin, '/api/v1/webhooks', { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`, events: ['ticket_created', 'public_reply'] });
    expect(hookResponse.status).toBe(201);
    secret = ((await hookResponse.json()) as { secret: string }).secret;

    const customer = await signIn(RILEY, 'customer');
    for (let i = 0; i < TICKETS; i++) {
      const created = await post(customer, '/api/v1/tickets', { subject: `Scale-out ${i}`, description: 'Calls drop after ten seconds.' });
      expect(created.status).toBe(201);
    }
    // Nothing is sent before a worker runs.
    expect(emails).toEqual([]);
    expect(hooks).toEqual([]);

    const smtpPort = (smtp.server.address() as AddressInfo).port;
    workers.push(...(await Promise.all([0, 1, 2].map(() => spawnWorker(database.url, smtpPort)))));
    // The victim: whichever worker is first seen holding a send. It is frozen (SIGSTOP) before it is
    // killed, and the sends it holds are counted while it is frozen and can finish none of them; one
    // that finished them in the meantime is thawed and the search goes on.
    const holding = (lockedBy: string) => count(`select count(*)::int as n from timers where state = 'running' and locked_by = '${lockedBy}'`);
    const { victim, victimId } = await (async () => {
      for (let i = 0; i < 1000; i++) {
        const rows = (await sql<{ locked_by: string }>`select locked_by from timers where state = 'running' and kind like 'outbox:%' limit 1`.execute(handle.db)).rows;
        const worker = rows[0] && workers.find((w) => rows[0]!.locked_by.endsWith(`:${w.child.pid}`));
        if (worker) {
          worker.child.kill('SIGSTOP');
          await sleep(250);
          if ((await holding(rows[0]!.locked_by)) > 0) return { victim: worker, victimId: rows[0]!.locked_by };
          worker.child.kill('SIGCONT');
        }
        await sleep(5);
      }
      throw new Error(`no worker was seen holding a send:\n${workers.map((w) => w.output()).join('\n')}`);
    })();
    await stop(victim, 'SIGKILL');
    const held = await holding(victimId);
    expect(held, 'the killed worker held a send at the moment it died').toBeGreaterThan(0);

    // Everything due is done once the survivors take over the lapsed leases.
    const open = `select count(*)::int as n from timers where state in ('pending', 'running') and due_at <= now() and (kind like 'outbox:%' or kind = 'notify_dispatch')`;
    const deadline = Date.now() + 60_000;
    while ((await count(open)) > 0) {
      if (Date.now() > deadline) throw new Error(`sends still open after 60 s:\n${workers.map((w) => w.output()).join('\n')}`);
      await sleep(100);
    }
    for (const worker of workers.filter((w) => w !== victim)) expect(await stop(worker, 'SIGTERM'), worker.output()).toBe(0);

    // Email: one mail_log row per outbox message; the listener saw exactly those Message-IDs, each at
    // least once, and a second copy only of what the killed worker was sending.
    const sent = (await handle.db.selectFrom('mail_log').select(['message_id', 'transport', 'event']).execute());
    expect(sent.length).toBeGreaterThanOrEqual(TICKETS);
    expect(sent.every((m) => m.transport === 'smtp')).toBe(true);
    expect(await count(`select count(*)::int as n from timers where kind = 'outbox:email' and state = 'done'`)).toBe(sent.length);
    expect(new Set(emails)).toEqual(new Set(sent.map((m) => m.message_id)));
    expect(emails.length - new Set(emails).size).toBeLessThanOrEqual(held);

    // Webhooks: every delivery signed and verified; one delivered log entry per event, and the
    // receiver saw exactly those delivery ids.
    expect(hooks.every((h) => h.verified)).toBe(true);
    const delivered = await handle.db.selectFrom('webhook_deliveries').select(['event_id', 'outcome']).execute();
    expect(delivered.every((d) => d.outcome === 'delivered')).toBe(true);
    // The demo data's own events go out too: one delivery for each recorded event of the two types.
    expect(delivered.length).toBe(await count(`select count(*)::int as n from notification_events where event in ('ticket_created', 'public_reply')`));
    expect(delivered.length).toBeGreaterThanOrEqual(TICKETS);
    expect(new Set(hooks.map((h) => h.delivery))).toEqual(new Set(delivered.map((d) => d.event_id)));
    expect(hooks.length - new Set(hooks.map((h) => h.delivery)).size).toBeLessThanOrEqual(held);
    expect(hooks.length - new Set(hooks.map((h) => h.delivery)).size + emails.length - new Set(emails).size).toBeLessThanOrEqual(held);
  }, 120_000);
});
