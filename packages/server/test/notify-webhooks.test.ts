import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/clock.js';
import { readConfig } from '../src/config.js';
import {
  checkWebhookEndpoint,
  checkWebhookDestination,
  deliverWebhook,
  guardedFetch,
  parseWebhookAllowList,
  deliverWithRetries,
  MAX_ATTEMPTS,
  nextAttempt,
  RETRY_DELAYS_MS,
  retryWindow,
  SIGNATURE_HEADER,
  signWebhook,
  verifyWebhook,
  webhookBody,
  type WebhookEndpoint,
  type WebhookEvent,
} from '../src/notify/index.js';

const SECRET = 'whsec_0123456789abcdef0123';
const START = Date.parse('2026-03-02T17:00:00Z');
const clock = fixedClock(START);
const event: WebhookEvent = { id: 'evt_01', type: 'ticket.breached', occurredAt: '2026-03-02T09:00:00-08:00', data: { ticket: { number: 42, subject: 'Ünïcode & <stuff>' } } };

interface Arrival {
  headers: IncomingMessage['headers'];
  body: string;
  verdict: ReturnType<typeof verifyWebhook>;
}

/** A receiver that checks every signature against the shared clock and answers with the next scripted status. */
function startReceiver(): Promise<{ server: Server; url: string; arrivals: Arrival[]; script: number[] }> {
  const arrivals: Arrival[] = [];
  const script: number[] = [];
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const verdict = verifyWebhook({ secret: SECRET, header: request.headers['hourglass-signature'], body, nowMs: clock.now() });
      arrivals.push({ headers: request.headers, body, verdict });
      if (!verdict.ok) {
        response.writeHead(401, { 'content-type': 'text/plain' }).end(verdict.reason);
        return;
      }
      const status = request.url === '/gone' ? 410 : request.url === '/moved' ? 302 : (script.shift() ?? 200);
      response.writeHead(status, status === 302 ? { location: 'http://127.0.0.1:1/elsewhere' } : { 'content-type': 'text/plain' }).end(status === 200 ? 'thanks' : `status ${status}`);
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, arrivals, script }));
  });
}

describe('signed webhooks against a real HTTP receiver', () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let endpoint: WebhookEndpoint;
  const sleeps: number[] = [];
  const sleep = async (ms: number) => {
    sleeps.push(ms);
    clock.advance(ms);
  };

  beforeAll(async () => {
    receiver = await startReceiver();
    endpoint = { id: 'ep_1', url: `${receiver.url}/hooks`, secret: SECRET };
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => receiver.server.close(() => resolve()));
  });
  beforeEach(() => {
    clock.set(START);
    receiver.arrivals.length = 0;
    receiver.script.length = 0;
    sleeps.length = 0;
  });

  it('delivers a signed event the receiver can verify', async () => {
    const record = await deliverWebhook(fetch, endpoint, event, { clock });
    expect(record).toMatchObject({ eventId: 'evt_01', endpointId: 'ep_1', attempt: 1, attemptedAt: START, statusCode: 200, error: null, outcome: 'delivered', nextAttemptAt: null, responseExcerpt: 'thanks' });
    expect(record.durationMs).toBeGreaterThanOrEqual(0);
    const arrival = receiver.arrivals[0]!;
    expect(arrival.verdict).toEqual({ ok: true, timestampMs: START });
    expect(arrival.headers['hourglass-signature']).toMatch(new RegExp(`^t=${START / 1000},v1=[0-9a-f]{64}$`));
    expect(arrival.headers['hourglass-event']).toBe('ticket.breached');
    expect(arrival.headers['hourglass-delivery']).toBe('evt_01');
    expect(arrival.headers['content-type']).toBe('application/json');
    expect(JSON.parse(arrival.body)).toEqual({ id: 'evt_01', type: 'ticket.breached', occurred_at: '2026-03-02T09:00:00-08:00', data: event.data });
  });

  it('lets the receiver reject a tampered body and a stale timestamp', async () => {
    const body = webhookBody(event);
    const tampered = await fetch(`${receiver.url}/hooks`, { method: 'POST', headers: { [SIGNATURE_HEADER]: signWebhook(SECRET, clock.now(), body) }, body: body.replace('42', '43') });
    expect(tampered.status).toBe(401);
    expect(await tampered.text()).toBe('signature_mismatch');
    const stale = await fetch(`${receiver.url}/hooks`, { method: 'POST', headers: { [SIGNATURE_HEADER]: signWebhook(SECRET, clock.now() - 6 * 60_000, body) }, body });
    expect(stale.status).toBe(401);
    expect(await stale.text()).toBe('stale_timestamp');
    const unsigned = await fetch(`${receiver.url}/hooks`, { method: 'POST', body });
    expect(await unsigned.text()).toBe('missing_signature');
    const otherSecret = await deliverWebhook(fetch, { ...endpoint, secret: 'another-secret-of-enough-length' }, event, { clock });
    expect(otherSecret).toMatchObject({ statusCode: 401, outcome: 'retry_scheduled', responseExcerpt: 'signature_mismatch' });
  });

  it('retries with backoff after two failures and then delivers, signing each attempt afresh', async () => {
    receiver.script.push(503, 500);
    const logged: string[] = [];
    const records = await deliverWithRetries(fetch, endpoint, event, { clock, sleep, random: () => 0.5, onRecord: (r) => void logged.push(r.outcome) });
    expect(records.map((r) => [r.attempt, r.statusCode, r.outcome])).toEqual([
      [1, 503, 'retry_scheduled'],
      [2, 500, 'retry_scheduled'],
      [3, 200, 'delivered'],
    ]);
    expect(logged).toEqual(['retry_scheduled', 'retry_scheduled', 'delivered']);
    expect(sleeps).toEqual([10_000, 30_000]);
    expect(records[0]!.nextAttemptAt).toBe(START + 10_000);
    expect(records[2]!.attemptedAt).toBe(START + 40_000);
    expect(records[0]!.error).toBe('The endpoint answered 503, not a 2xx status');
    expect(receiver.arrivals.map((a) => a.verdict.ok)).toEqual([true, true, true]);
    expect(new Set(receiver.arrivals.map((a) => a.headers['hourglass-signature'])).size).toBe(3);
    expect(new Set(receiver.arrivals.map((a) => a.body)).size).toBe(1);
    expect(receiver.arrivals.map((a) => a.headers['hourglass-attempt'])).toEqual(['1', '2', '3']);
  });

  it('dead-letters after the last attempt, having waited within the jitter bounds', async () => {
    receiver.script.push(...Array<number>(20).fill(500));
    const records = await deliverWithRetries(fetch, endpoint, event, { clock, sleep });
    expect(records).toHaveLength(MAX_ATTEMPTS);
    expect(records.slice(0, -1).every((r) => r.outcome === 'retry_scheduled')).toBe(true);
    expect(records.at(-1)).toMatchObject({ attempt: 8, outcome: 'dead_letter', nextAttemptAt: null, statusCode: 500 });
    expect(records.at(-1)!.error).toMatch(/answered 500.*gave up after 8 of 8 attempts/);
    sleeps.forEach((ms, i) => {
      const window = retryWindow(i + 1)!;
      expect(ms).toBeGreaterThanOrEqual(window.minMs);
      expect(ms).toBeLessThanOrEqual(window.maxMs);
    });
    expect(receiver.arrivals).toHaveLength(MAX_ATTEMPTS);
  });

  it('stops at once when the endpoint answers 410 Gone, and does not follow redirects', async () => {
    const gone = await deliverWebhook(fetch, { ...endpoint, url: `${receiver.url}/gone` }, event, { clock });
    expect(gone).toMatchObject({ statusCode: 410, outcome: 'dead_letter', error: 'The endpoint answered 410 Gone; it no longer takes deliveries' });
    const moved = await deliverWebhook(fetch, { ...endpoint, url: `${receiver.url}/moved` }, event, { clock, attempt: 3, random: () => 0 });
    expect(moved).toMatchObject({ statusCode: 302, outcome: 'retry_scheduled', nextAttemptAt: START + retryWindow(3)!.minMs });
    expect(moved.error).toMatch(/302, a redirect, which is not followed/);
    expect(receiver.arrivals).toHaveLength(2);
  });

  it('records a refused connection and a silent receiver as failures to retry', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/hooks`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const refused = await deliverWebhook(fetch, { ...endpoint, url: deadUrl }, event, { clock });
    expect(refused).toMatchObject({ statusCode: null, outcome: 'retry_scheduled' });
    expect(refused.error).toMatch(/Request failed: .*ECONNREFUSED/);

    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const record = await deliverWebhook(fetch, { ...endpoint, url: `http://127.0.0.1:${(silent.address() as AddressInfo).port}/` }, event, { clock, timeoutMs: 200 });
      expect(record).toMatchObject({ statusCode: null, outcome: 'retry_scheduled', error: 'No response within 200 ms' });
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it('dead-letters an endpoint whose settings cannot work, saying why', async () => {
    expect(checkWebhookEndpoint({ url: 'ftp://example.test/x', secret: 'short' })).toEqual([
      { path: 'url', message: 'Must use https (or http for local testing).' },
      { path: 'secret', message: 'Must be at least 16 characters of random text.' },
    ]);
    expect(checkWebhookEndpoint({ url: 'https://user:pw@example.test/x', secret: SECRET })[0]?.message).toMatch(/user name or password/);
    const record = await deliverWebhook(fetch, { id: 'ep_bad', url: 'not a url', secret: SECRET }, event, { clock });
    expect(record).toMatchObject({ outcome: 'dead_letter', statusCode: null });
    expect(record.error).toMatch(/url: Must be an absolute URL/);
    await expect(deliverWebhook(fetch, endpoint, event, { clock, attempt: 0 })).rejects.toThrow(/attempt counts from 1/);
  });
});

describe('deliveries only to public addresses, unless allowed', () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => receiver.server.close(() => resolve()));
  });
  beforeEach(() => {
    clock.set(START);
    receiver.arrivals.length = 0;
  });
  const allow = (...entries: string[]) => {
    const parsed = parseWebhookAllowList(entries);
    expect(parsed.problems).toEqual([]);
    return parsed.allow;
  };
  const port = () => new URL(receiver.url).port;

  it('refuses loopback by address and by name (the system resolver), sending nothing, and dead-letters with the reason', async () => {
    const strict = guardedFetch({ allow: allow() });
    for (const url of [`${receiver.url}/hooks`, `http://localhost:${port()}/hooks`, `http://[::1]:${port()}/hooks`]) {
      const record = await deliverWebhook(strict, { id: 'ep', url, secret: SECRET }, event, { clock });
      expect(record, url).toMatchObject({ statusCode: null, responseExcerpt: null, outcome: 'dead_letter' });
      expect(record.error).toMatch(/is a loopback address \(this machine\); webhooks are only sent to public addresses\. .*HOURGLASS_WEBHOOK_ALLOW/);
    }
    expect(receiver.arrivals).toEqual([]);
  });

  it('delivers to a receiver the allow-list names by address, by CIDR range or by host name', async () => {
    for (const [entries, url] of [
      [['127.0.0.1'], `${receiver.url}/hooks`],
      [['127.0.0.0/8', '::1/128'], `${receiver.url}/hooks`],
      [['localhost'], `http://localhost:${port()}/hooks`],
    ] as const) {
      const record = await deliverWebhook(guardedFetch({ allow: allow(...entries) }), { id: 'ep', url, secret: SECRET }, event, { clock });
      expect(record, `${entries.join(',')} ${url}`).toMatchObject({ statusCode: 200, outcome: 'delivered', responseExcerpt: 'thanks' });
    }
    expect(receiver.arrivals.map((a) => a.verdict.ok)).toEqual([true, true, true]);
  });

  it('never follows a redirect, so an allowed receiver cannot send the request on to an internal address', async () => {
    const record = await deliverWebhook(guardedFetch({ allow: allow('127.0.0.1') }), { id: 'ep', url: `${receiver.url}/moved`, secret: SECRET }, event, { clock });
    expect(record).toMatchObject({ statusCode: 302, outcome: 'retry_scheduled' });
    expect(record.error).toMatch(/a redirect, which is not followed/);
    expect(receiver.arrivals).toHaveLength(1);
  });

  it('checks a URL when it is saved the same way', async () => {
    expect(await checkWebhookDestination('http://2130706433/x', { allow: allow() })).toMatch(/^Must be a public address: 127\.0\.0\.1 is a loopback address/);
    expect(await checkWebhookDestination('http://[::ffff:169.254.169.254]/x', { allow: allow() })).toMatch(/IPv4-mapped/);
    expect(await checkWebhookDestination('http://100.100.100.200/x', { allow: allow() })).toMatch(/carrier-grade NAT/);
    expect(await checkWebhookDestination('http://127.0.0.1/x', { allow: allow('127.0.0.1') })).toBeNull();
    expect(await checkWebhookDestination('https://8.8.8.8/x', { allow: allow() })).toBeNull();
  });

  it('names every allow-list entry it cannot read', () => {
    expect(parseWebhookAllowList(['10.0.0.0/33', 'not a host!', '10.0.0.0/8', ' hooks.internal ', '', 'fd00::/8']).problems).toEqual([
      '"10.0.0.0/33" is not a CIDR range; write one such as 10.20.0.0/16 or fd00:1234::/48.',
      '"not a host!" is not a host name, an IP address or a CIDR range; write entries such as hooks.internal, 10.20.0.5 or 10.20.0.0/16, separated by commas.',
    ]);
    // HOURGLASS_WEBHOOK_ALLOW is read with the rest of the settings, and a bad entry stops the start with the reason.
    expect(() => readConfig({ HOURGLASS_WEBHOOK_ALLOW: '10.0.0.0/8, bad host!' })).toThrow(/HOURGLASS_WEBHOOK_ALLOW: "bad host!" is not a host name/);
    expect(readConfig({ HOURGLASS_WEBHOOK_ALLOW: '10.0.0.0/8, hooks.internal' }).webhookAllow.entries).toEqual(['10.0.0.0/8', 'hooks.internal']);
    expect(readConfig({}).webhookAllow.entries).toEqual([]);
    expect(readConfig({}).mail.publicUrl).toBeUndefined();
  });
});

describe('signature checks without a network', () => {
  const body = '{"id":"evt_02"}';
  it('accepts any of several secrets while one is being rotated', () => {
    const header = signWebhook(['new-secret-0123456789', SECRET], START, body);
    expect(header.split(',')).toHaveLength(3);
    expect(verifyWebhook({ secret: SECRET, header, body, nowMs: START })).toEqual({ ok: true, timestampMs: START });
    expect(verifyWebhook({ secret: ['old-secret-0123456789', 'new-secret-0123456789'], header, body, nowMs: START + 299_000 }).ok).toBe(true);
  });
  it('names what is wrong with a bad header', () => {
    expect(verifyWebhook({ secret: SECRET, header: 't=abc,v1=zz', body, nowMs: START })).toMatchObject({ ok: false, reason: 'malformed_signature' });
    expect(verifyWebhook({ secret: SECRET, header: undefined, body, nowMs: START })).toMatchObject({ ok: false, reason: 'missing_signature' });
    const header = signWebhook(SECRET, START, body);
    expect(verifyWebhook({ secret: SECRET, header, body, nowMs: START + 301_000 })).toMatchObject({ ok: false, reason: 'stale_timestamp' });
    expect(verifyWebhook({ secret: SECRET, header, body, nowMs: START - 301_000 })).toMatchObject({ ok: false, reason: 'stale_timestamp' });
    expect(verifyWebhook({ secret: SECRET, header, body, nowMs: START + 30_000, toleranceSeconds: 10 })).toMatchObject({ ok: false, reason: 'stale_timestamp' });
  });
  it('refuses to sign with a weak secret or a bad time', () => {
    expect(() => signWebhook('short', START, body)).toThrow(/at least 16 characters/);
    expect(() => signWebhook(SECRET, Number.NaN, body)).toThrow(/epoch milliseconds/);
    expect(() => signWebhook([], START, body)).toThrow(/at least one webhook secret/);
  });
});

describe('the retry plan', () => {
  it('waits longer after each attempt, within ±20%, and gives up after the last', () => {
    expect(RETRY_DELAYS_MS.slice(0, 6)).toEqual([10_000, 30_000, 120_000, 600_000, 3_600_000, 21_600_000]);
    for (let attempts = 1; attempts < MAX_ATTEMPTS; attempts++) {
      const base = RETRY_DELAYS_MS[attempts - 1]!;
      expect(nextAttempt(attempts, START, () => 0)).toEqual({ kind: 'retry', at: START + base * 0.8, delayMs: base * 0.8 });
      expect(nextAttempt(attempts, START, () => 1)).toEqual({ kind: 'retry', at: START + base * 1.2, delayMs: base * 1.2 });
      if (attempts > 1) expect(base).toBeGreaterThan(RETRY_DELAYS_MS[attempts - 2]!);
    }
    expect(nextAttempt(MAX_ATTEMPTS, START)).toEqual({ kind: 'dead_letter' });
    expect(nextAttempt(MAX_ATTEMPTS + 5, START)).toEqual({ kind: 'dead_letter' });
    expect(() => nextAttempt(0, START)).toThrow(/at least 1/);
  });
});
