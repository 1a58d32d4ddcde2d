import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { START, startTestService, type TestService } from './support/app.js';
import { DATABASE_KINDS } from './support/databases.js';
import { hostileRequests } from './support/hostile-requests.js';
import { type Operation, operationsOf } from './support/openapi-operations.js';
import { bodyHints, pathValue, type SweepActor, type SweepFixtures, sweepFixtures } from './support/sweep-fixtures.js';

/**
 * The standing hostile-input sweep: every operation of /openapi.json, with hostile values in each body
 * field, query and path parameter, and malformed, oversized and wrongly typed bodies, as an admin (so
 * permissions are not what stops them) and as a customer. No answer may be a 5xx, every refusal is a
 * JSON error with a message, and the service still answers afterwards.
 */

/** Operations whose effects would change what later requests see go last: deletions, then the clock. */
const order = (op: Operation) => (op.path === '/api/v1/admin/clock' ? 2 : op.method === 'DELETE' ? 1 : 0);

describe.each(DATABASE_KINDS)('hostile-input sweep over every operation on %s', (kind) => {
  let service: TestService;
  let fixtures: SweepFixtures;
  let operations: Operation[];

  beforeAll(async () => {
    service = await startTestService(kind);
    fixtures = await sweepFixtures(service);
    operations = (await operationsOf(service.app)).sort((a, b) => order(a) - order(b));
  });
  afterAll(async () => {
    await service?.close();
  });

  async function sweep(actor: SweepActor): Promise<{ sent: number; failures: string[] }> {
    service.clock.set(START); // each sweep starts from the demo data's moment, whatever the one before did
    const failures: string[] = [];
    let sent = 0;
    const ctx = { path: pathValue(fixtures, fixtures.a, actor), hints: bodyHints(fixtures, fixtures.a) };
    for (const op of operations) {
      for (const request of hostileRequests(op, ctx)) {
        const options: InjectOptions = { method: request.method, url: request.url, headers: request.headers, ...(request.payload !== undefined && { payload: request.payload }) };
        const response = await service.request(actor.auth, options);
        sent += 1;
        const where = `${op.key} [${request.label}] ${request.method} ${request.url.slice(0, 160)}`;
        if (response.statusCode >= 500) {
          failures.push(`${where} -> ${response.statusCode} ${response.body.slice(0, 300)}`);
          continue;
        }
        if (response.statusCode >= 400) {
          let message: unknown;
          try {
            message = response.json().error?.message;
          } catch {
            message = undefined;
          }
          if (typeof message !== 'string' || message.length === 0) failures.push(`${where} -> ${response.statusCode} without a JSON error message: ${response.body.slice(0, 200)}`);
        }
      }
    }
    return { sent, failures };
  }

  it('generates a request for every documented operation', () => {
    expect(operations.length).toBeGreaterThanOrEqual(50);
    const ctx = { path: pathValue(fixtures, fixtures.a, fixtures.admin), hints: bodyHints(fixtures, fixtures.a) };
    for (const op of operations) expect(hostileRequests(op, ctx).length, op.key).toBeGreaterThan(0);
  });

  for (const who of ['admin', 'customer'] as const) {
    it(`answers every hostile request as ${who === 'admin' ? 'an admin' : 'a customer'} without a 5xx, each refusal with a message`, async () => {
      const actor = who === 'admin' ? fixtures.admin : fixtures.a.customer;
      const { sent, failures } = await sweep(actor);
      expect(sent).toBeGreaterThan(2000);
      expect(failures, `${failures.length} of ${sent} hostile requests failed:\n${failures.join('\n')}`).toEqual([]);
      // Still serving, with whatever state the accepted requests left (the admin's end with the demo clock moved far ahead).
      const health = await service.app.inject({ method: 'GET', url: '/healthz' });
      expect(health.statusCode).toBe(200);
      expect((await service.request(actor.auth, { method: 'GET', url: '/api/v1/me' })).statusCode).toBe(200);
      const ticket = await service.request(fixtures.a.customer.auth, { method: 'POST', url: '/api/v1/tickets', payload: { subject: 'After the sweep', description: 'Still works?' } });
      expect(ticket.statusCode, `opening a ticket after the sweep, with the service clock at ${new Date(service.clock.now()).toISOString()}, answered ${ticket.body}`).toBeLessThan(500);
    }, 300_000);
  }
});
