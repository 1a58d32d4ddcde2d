import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResolveHost } from '../src/notify/index.js';
import { DATABASE_KINDS } from './support/databases.js';
import { ADMIN, RILEY, startWorkflowService, type WorkflowService } from './support/workflow.js';

/*
 * Server-side request forgery through webhooks: an admin must not be able to make the desk call its own
 * machine, the private network or a cloud metadata service, neither with the URL as saved nor with a
 * name that resolves elsewhere by the time of delivery (DNS rebinding). The allow-list
 * (HOURGLASS_WEBHOOK_ALLOW) is how an operator lets webhooks reach a receiver inside the network.
 */

const HOSTILE_URLS = [
  'http://127.0.0.1:8080/hooks',
  'http://169.254.169.254/latest/meta-data/',
  'http://[::1]/hooks',
  'http://localhost:9000/hooks',
  'http://0.0.0.0/hooks',
  'http://2130706433/hooks', // 127.0.0.1 as one decimal number
  'http://0177.0.0.1/hooks', // octal
  'http://0x7f000001/hooks', // hexadecimal
  'http://10.1.2.3/hooks',
  'http://172.16.0.1/hooks',
  'http://192.168.1.10/hooks',
  'http://100.64.0.1/hooks', // carrier-grade NAT
  'http://[fd00:ec2::254]/latest/meta-data/', // unique-local (AWS metadata over IPv6)
  'http://[fe80::1]/hooks',
  'http://[::ffff:127.0.0.1]/hooks', // IPv4-mapped IPv6
  'http://[::]/hooks',
  'http://224.0.0.1/hooks',
  'https://internal.example.test/hooks', // resolves to a private address (the injected resolver)
];

/** A resolver whose answers the test sets per name; unknown names do not resolve. */
function scriptedResolver(): { resolve: ResolveHost; answers: Map<string, string> } {
  const answers = new Map<string, string>();
  const resolve: ResolveHost = async (hostname) => {
    if (hostname === 'localhost') return [{ address: '127.0.0.1', family: 4 }, { address: '::1', family: 6 }];
    const address = answers.get(hostname);
    if (!address) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return [{ address, family: address.includes(':') ? 6 : 4 }];
  };
  return { resolve, answers };
}

interface Receiver {
  server: Server;
  port: number;
  bodies: string[];
}

async function startReceiver(): Promise<Receiver> {
  const bodies: string[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      bodies.push(body);
      response.writeHead(200, { 'content-type': 'text/plain' }).end(`internal secret ${'x'.repeat(4000)}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, bodies };
}

describe.each(DATABASE_KINDS)('webhook destinations on %s', (kind) => {
  let receiver: Receiver;
  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => receiver?.server.close(() => resolve()));
  });

  async function openTicket(service: WorkflowService): Promise<string> {
    const created = await service.request(RILEY, { method: 'POST', url: '/api/v1/tickets', payload: { subject: 'Webhook check', description: 'Anything.' } });
    expect(created.statusCode, created.body).toBe(201);
    return created.json().id;
  }
  const deliveries = async (service: WorkflowService, id: string) => (await service.request(ADMIN, { method: 'GET', url: `/api/v1/webhooks/${id}/deliveries` })).json().items;

  describe('without an allow-list', () => {
    let service: WorkflowService;
    const dns = scriptedResolver();
    beforeAll(async () => {
      dns.answers.set('internal.example.test', '10.0.0.7');
      service = await startWorkflowService(kind, '2026-11-24T10:00:00-08:00', { resolveHost: dns.resolve });
    });
    afterAll(async () => {
      await service?.close();
    });

    it.each(HOSTILE_URLS)('refuses to save %s, at the url field, saying what to do', async (url) => {
      const response = await service.request(ADMIN, { method: 'POST', url: '/api/v1/webhooks', payload: { url, events: ['ticket_created'] } });
      expect(response.statusCode, response.body).toBe(400);
      const issues = response.json().error.issues as { path: string; message: string }[];
      expect(issues.map((i) => i.path)).toEqual(['body.url']);
      expect(issues[0]!.message).toMatch(/^Must be a public address: /);
      expect(issues[0]!.message).toContain('HOURGLASS_WEBHOOK_ALLOW');
    });

    it('refuses the same when a URL is changed, and accepts a public one', async () => {
      dns.answers.set('hooks.example.test', '93.184.216.34');
      const created = await service.request(ADMIN, { method: 'POST', url: '/api/v1/webhooks', payload: { url: 'https://hooks.example.test/in' } });
      expect(created.statusCode, created.body).toBe(201);
      const changed = await service.request(ADMIN, { method: 'PATCH', url: `/api/v1/webhooks/${created.json().id}`, payload: { url: 'http://169.254.169.254/latest/meta-data/' } });
      expect(changed.statusCode, changed.body).toBe(400);
      expect(changed.json().error.issues[0]).toMatchObject({ path: 'body.url', message: expect.stringContaining('link-local') });
      await service.request(ADMIN, { method: 'DELETE', url: `/api/v1/webhooks/${created.json().id}` });
    });

    it('refuses at delivery a name that resolved to a public address when saved and to loopback now (DNS rebinding): nothing reaches the receiver', async () => {
      dns.answers.set('rebind.example.test', '93.184.216.34');
      const created = await service.request(ADMIN, { method: 'POST', url: '/api/v1/webhooks', payload: { url: `http://rebind.example.test:${receiver.port}/hooks`, events: ['ticket_created'] } });
      expect(created.statusCode, created.body).toBe(201);
      dns.answers.set('rebind.example.test', '127.0.0.1');
      const before = receiver.bodies.length;
      await openTicket(service);
      await service.workflow.runDue();
      expect(receiver.bodies.length).toBe(before);
      const log = await deliveries(service, created.json().id);
      expect(log).toHaveLength(1);
      expect(log[0]).toMatchObject({ status_code: null, response_excerpt: null, outcome: 'dead_letter' });
      expect(log[0].error).toContain('rebind.example.test resolves to 127.0.0.1, which is a loopback address');
      expect(log[0].error).toContain('HOURGLASS_WEBHOOK_ALLOW');
      await service.request(ADMIN, { method: 'DELETE', url: `/api/v1/webhooks/${created.json().id}` });
    });

    it('refuses at delivery a loopback URL stored before the check existed', async () => {
      const created = await service.request(ADMIN, { method: 'POST', url: '/api/v1/webhooks', payload: { url: 'https://hooks.example.test/in', events: ['ticket_created'] } });
      expect(created.statusCode, created.body).toBe(201);
      await service.db.updateTable('webhook_endpoints').set({ url: `http://127.0.0.1:${receiver.port}/hooks` }).where('id', '=', created.json().id).execute();
      const before = receiver.bodies.length;
      await openTicket(service);
      await service.workflow.runDue();
      expect(receiver.bodies.length).toBe(before);
      const log = await deliveries(service, created.json().id);
      expect(log[0]).toMatchObject({ status_code: null, response_excerpt: null, outcome: 'dead_letter' });
      expect(log[0].error).toMatch(/^Not sent: 127\.0\.0\.1 is a loopback address/);
      await service.request(ADMIN, { method: 'DELETE', url: `/api/v1/webhooks/${created.json().id}` });
    });
  });

  describe('with the receiver on the allow-list', () => {
    let service: WorkflowService;
    const dns = scriptedResolver();
    beforeAll(async () => {
      service = await startWorkflowService(kind, '2026-11-24T10:00:00-08:00', { resolveHost: dns.resolve, webhookAllow: ['127.0.0.1'] });
    });
    afterAll(async () => {
      await service?.close();
    });

    it('delivers to the same receiver, through a name that resolves to it, and keeps only the first KiB of its answer', async () => {
      dns.answers.set('rebind.example.test', '127.0.0.1');
      const created = await service.request(ADMIN, { method: 'POST', url: '/api/v1/webhooks', payload: { url: `http://rebind.example.test:${receiver.port}/hooks`, events: ['ticket_created'] } });
      expect(created.statusCode, created.body).toBe(201);
      const before = receiver.bodies.length;
      const ticketId = await openTicket(service);
      await service.workflow.runDue();
      expect(receiver.bodies.length).toBe(before + 1);
      expect(JSON.parse(receiver.bodies.at(-1)!)).toMatchObject({ type: 'ticket_created', data: { ticket: { id: ticketId } } });
      const log = await deliveries(service, created.json().id);
      expect(log[0]).toMatchObject({ status_code: 200, outcome: 'delivered', error: null });
      expect(log[0].response_excerpt.length).toBe(1024);
    });

    it('still refuses what the allow-list does not name', async () => {
      for (const url of ['http://169.254.169.254/latest/meta-data/', 'http://[::1]/hooks', 'http://10.0.0.1/hooks']) {
        const response = await service.request(ADMIN, { method: 'POST', url: '/api/v1/webhooks', payload: { url } });
        expect(response.statusCode, `${url}: ${response.body}`).toBe(400);
      }
    });
  });
});
