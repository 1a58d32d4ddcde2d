import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/clock.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { type DatabaseHandle, openDatabase } from '../src/db/open.js';
import { buildApp } from '../src/app/build-app.js';
import { DEFAULT_TIMEOUTS } from '../src/http/security/timeouts.js';
import { loadShippedCatalog } from '../src/policy/shipped.js';
import { START } from './support/app.js';

/** Sends the headers of a POST with a 100-byte body, then one byte every `everyMs`; resolves with what the server answered and when it closed. */
function trickle(port: number, everyMs: number, giveUpMs: number): Promise<{ closedAfterMs: number | null; answer: string; bytesSent: number }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    let bytesSent = 0;
    let timer: NodeJS.Timeout | undefined;
    const finish = (closed: boolean) => {
      clearInterval(timer);
      clearTimeout(giveUp);
      socket.destroy();
      resolve({ closedAfterMs: closed ? Date.now() - started : null, answer, bytesSent });
    };
    const giveUp = setTimeout(() => finish(false), giveUpMs);
    socket.on('connect', () => {
      socket.write('POST /api/v1/session HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n');
      timer = setInterval(() => {
        if (!socket.writable) return;
        socket.write('{');
        bytesSent++;
      }, everyMs);
    });
    socket.on('data', (chunk) => (answer += chunk.toString('utf8')));
    socket.on('error', () => {});
    socket.on('close', () => finish(true));
  });
}

describe('slow request bodies are cut off', () => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  let port: number;
  beforeAll(async () => {
    handle = await openDatabase({});
    await migrateToLatest(handle.db);
    app = await buildApp({ db: handle.db, clock: fixedClock(START), registry: await loadShippedCatalog(), webApp: false, security: { timeouts: { requestMs: 1500, checkEveryMs: 250 } } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  it('answers 408 and closes a connection whose body trickles in a byte at a time', async () => {
    const result = await trickle(port, 200, 8000);
    expect(result.closedAfterMs, 'the server never closed the trickling connection').not.toBeNull();
    expect(result.closedAfterMs!).toBeLessThan(4000);
    expect(result.answer).toMatch(/^HTTP\/1\.1 408/);
    expect(result.bytesSent).toBeLessThan(100);
  });

  it('has a request deadline by default, below the 150 s a slow client held a connection', () => {
    expect(app.server.requestTimeout).toBe(1500);
    expect(DEFAULT_TIMEOUTS.requestMs).toBeGreaterThan(0);
    expect(DEFAULT_TIMEOUTS.requestMs).toBeLessThanOrEqual(60_000);
    expect(DEFAULT_TIMEOUTS.headersMs).toBeLessThanOrEqual(DEFAULT_TIMEOUTS.requestMs);
  });
});
