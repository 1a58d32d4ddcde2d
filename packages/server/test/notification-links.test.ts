import { readFile, mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/clock.js';
import { DEMO_PASSWORDS } from '../src/seed/demo-data.js';
import { startServer, type RunningServer } from '../src/app/serve.js';
import { createTestDatabase, DATABASE_KINDS } from './support/databases.js';
import * as webPaths from '../../web/src/routes.js';

/*
 * Links in notification emails must open the page the recipient uses, on the server that sent them:
 * the customer portal's ticket page for customers, the console workspace for staff. With no
 * HOURGLASS_PUBLIC_URL, the links point where the server actually listens (here a random port, not 3000).
 */

const WEB_SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/src');
const CUSTOMER = 'riley@bluefin-apps.example';
const AGENT = 'lena.vogt@hourglass.example';
const MANAGER = 'manager@hourglass.example';

/** The path patterns a web-app route table routes (`<Route path=…>`): literal patterns, or the named ones of web/src/routes.ts. */
async function webRoutes(file: string): Promise<string[]> {
  const source = await readFile(path.join(WEB_SRC, file), 'utf8');
  const named = webPaths as unknown as Record<string, unknown>;
  return [...source.matchAll(/<Route\s+path=(?:"([^"]+)"|\{([A-Z_]+)\})/g)].map((m) => m[1] ?? String(named[m[2]!] ?? ''));
}

const matches = (pattern: string, pathname: string): boolean => {
  const want = pattern.split('/').filter(Boolean);
  const have = pathname.split('/').filter(Boolean);
  return want.length === have.length && want.every((w, i) => w.startsWith(':') || w === have[i]);
};

interface Mail {
  to: string;
  event: string;
  text: string;
}

describe.each(DATABASE_KINDS)('links in notification emails on %s', (kind) => {
  let server: RunningServer;
  let smtp: SMTPServer;
  let api: string;
  let cleanup: () => Promise<void> = async () => {};
  const mails: Mail[] = [];
  const savedPublicUrl = process.env.HOURGLASS_PUBLIC_URL;

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        simpleParser(stream).then((parsed) => {
          for (const rcpt of session.envelope.rcptTo) mails.push({ to: rcpt.address, event: String(parsed.headers.get('x-hourglass-event')), text: parsed.text ?? '' });
          callback();
        }, callback);
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    let database: { databaseUrl?: string; dataDir?: string };
    if (kind === 'postgres') {
      const created = await createTestDatabase();
      database = { databaseUrl: created.url };
      cleanup = created.drop;
    } else {
      const dir = await mkdtemp(path.join(tmpdir(), 'hourglass-links-'));
      database = { dataDir: dir };
      cleanup = () => rm(dir, { recursive: true, force: true });
    }
    delete process.env.HOURGLASS_PUBLIC_URL;
    server = await startServer({
      ...database,
      port: 0,
      host: '127.0.0.1',
      clock: fixedClock(Date.parse('2026-11-24T09:00:00-08:00')),
      handleSignals: false,
      logLevel: 'silent',
      print: () => {},
      mail: { smtpUrl: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`, supportAddress: 'support@desk.example.test' },
    });
    api = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    if (savedPublicUrl !== undefined) process.env.HOURGLASS_PUBLIC_URL = savedPublicUrl;
    await server?.close();
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
    await cleanup();
  });

  const signIn = async (email: string, role: keyof typeof DEMO_PASSWORDS) => {
    const response = await fetch(`${api}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: DEMO_PASSWORDS[role] }) });
    expect(response.status).toBe(200);
    return response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  };
  const send = (cookie: string, method: string, url: string, body: unknown) =>
    fetch(`${api}${url}`, { method, headers: { cookie, origin: api, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  /** The email of `event` about `ticketId` to `address` (the demo data's own tickets send mail too). */
  async function mailTo(address: string, event: string, ticketId: string): Promise<Mail> {
    for (let i = 0; i < 100; i++) {
      await server.workflow!.runDue();
      const found = mails.find((m) => m.to === address && m.event === event && m.text.includes(ticketId));
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`no ${event} email reached ${address}; got ${JSON.stringify(mails.map((m) => [m.to, m.event]))}`);
  }
  const linkIn = (text: string): URL => new URL(/(https?:\/\/\S+\/tickets\/\S+)/.exec(text)![1]!);

  it('links the customer to the portal ticket page and staff to the console workspace, on the port the server listens on', async () => {
    const port = (server.app.server.address() as AddressInfo).port;
    expect(port).not.toBe(3000);
    const customer = await signIn(CUSTOMER, 'customer');
    const created = await send(customer, 'POST', '/api/v1/tickets', { subject: 'Links that work', description: 'Please look.' });
    expect(created.status).toBe(201);
    const ticketId = ((await created.json()) as { id: string }).id;

    const customerLink = linkIn((await mailTo(CUSTOMER, 'ticket_created', ticketId)).text);
    expect(customerLink.href).toBe(`http://localhost:${port}/portal/tickets/${ticketId}`);

    const manager = await signIn(MANAGER, 'manager');
    const agentId = ((await (await fetch(`${api}/api/v1/users?role=agent&limit=100`, { headers: { cookie: manager } })).json()) as { items: { id: string; email: string }[] }).items.find((u) => u.email === AGENT)!.id;
    const assigned = await send(manager, 'PATCH', `/api/v1/tickets/${ticketId}`, { assignee_id: agentId });
    expect(assigned.status).toBe(200);
    const staffLink = linkIn((await mailTo(AGENT, 'assigned', ticketId)).text);
    expect(staffLink.href).toBe(`http://localhost:${port}/console/tickets/${ticketId}`);

    // The web app has these pages: its router matches the paths (not the "Page not found" fallback)…
    expect((await webRoutes('app/PortalRoutes.tsx')).some((route) => matches(route, customerLink.pathname))).toBe(true);
    expect((await webRoutes('app/ConsoleRoutes.tsx')).some((route) => matches(route, staffLink.pathname))).toBe(true);
    // …and the running server answers both links with the web app.
    for (const link of [customerLink, staffLink]) {
      const page = await fetch(link);
      expect(page.status, link.href).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    }
  });
});
