import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENT, CUSTOMER_A, DESK_ORIGIN, startTestService, type TestService } from './support/app.js';
import { DATABASE_KINDS } from './support/databases.js';

const EVIL = 'http://localhost:5173'; // another port of the same host: same site, other origin
const PUBLIC_URL = 'https://desk.example.test';

describe.each(DATABASE_KINDS)('cross-site writes with the session cookie, and accepted content types, on %s', (kind) => {
  let service: TestService;
  let customer: string;
  let agent: string;
  let bearer: string;

  /** A request with exactly these headers: no Origin unless given (unlike `service.request`). */
  const raw = (options: InjectOptions & { headers?: Record<string, string> }) => service.app.inject(options);
  const openTicket = async () => {
    const created = await service.request(customer, { method: 'POST', url: '/api/v1/tickets', payload: { subject: 'Webhook 504s', description: 'Since noon.' } });
    expect(created.statusCode, created.body).toBe(201);
    return created.json() as { id: string };
  };
  /** What an HTML form on another site posts: text/plain, the victim's cookie, the other site's Origin. */
  const formPost = (cookie: string, url: string, headers: Record<string, string>) =>
    raw({ method: 'POST', url, payload: 'x=1', headers: { 'content-type': 'text/plain', cookie, ...headers } });
  const attachments = async (id: string) => (await service.request(agent, { method: 'GET', url: `/api/v1/tickets/${id}/attachments` })).json().items as unknown[];

  beforeAll(async () => {
    service = await startTestService(kind, { security: { publicUrl: PUBLIC_URL } });
    customer = await service.signIn(CUSTOMER_A);
    agent = await service.signIn(AGENT);
    const token = await service.request(agent, { method: 'POST', url: '/api/v1/tokens', payload: { name: 'script' } });
    bearer = `Bearer ${token.json().token}`;
  });
  afterAll(async () => {
    await service?.close();
  });

  it('refuses a text/plain form posted from another origin to attachments and acknowledge (403), and changes nothing', async () => {
    const ticket = await openTicket();
    const upload = await formPost(customer, `/api/v1/tickets/${ticket.id}/attachments?filename=evil.txt`, { origin: EVIL });
    expect(upload.statusCode, upload.body).toBe(403);
    expect(upload.json().error.code).toBe('cross_site_request');
    expect(upload.json().error.message).toContain(EVIL);
    const ack = await formPost(agent, `/api/v1/tickets/${ticket.id}/acknowledge`, { origin: EVIL });
    expect(ack.statusCode, ack.body).toBe(403);
    expect(ack.json().error.code).toBe('cross_site_request');
    expect(await attachments(ticket.id)).toHaveLength(0);
    const events = (await service.request(agent, { method: 'GET', url: `/api/v1/tickets/${ticket.id}/events` })).json();
    expect(JSON.stringify(events)).not.toContain('acknowledged');
  });

  it('refuses cookie writes without Origin unless Sec-Fetch-Site says same-origin, and an opaque "null" origin', async () => {
    const ticket = await openTicket();
    for (const headers of <Record<string, string>[]>[{}, { 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'same-site' }, { origin: 'null' }, { origin: 'http://evil.example' }]) {
      const ack = await raw({ method: 'POST', url: `/api/v1/tickets/${ticket.id}/acknowledge`, headers: { cookie: agent, ...headers } });
      expect(ack.statusCode, JSON.stringify(headers)).toBe(403);
    }
    const sameOrigin = await raw({ method: 'POST', url: `/api/v1/tickets/${ticket.id}/acknowledge`, headers: { cookie: agent, 'sec-fetch-site': 'same-origin' } });
    expect(sameOrigin.statusCode, sameOrigin.body).toBe(200);
  });

  it("takes the same writes from the desk's own origin: the one addressed (Host) and the configured public URL", async () => {
    const ticket = await openTicket();
    const upload = await formPost(customer, `/api/v1/tickets/${ticket.id}/attachments?filename=trace.txt`, { origin: DESK_ORIGIN });
    expect(upload.statusCode, upload.body).toBe(201);
    const viaPublicUrl = await raw({ method: 'POST', url: `/api/v1/tickets/${ticket.id}/acknowledge`, headers: { cookie: agent, origin: PUBLIC_URL, host: 'internal:3000' } });
    expect(viaPublicUrl.statusCode, viaPublicUrl.body).toBe(200);
    const deleteOwn = await raw({ method: 'DELETE', url: '/api/v1/session', headers: { cookie: await service.signIn(CUSTOMER_A), origin: 'http://localhost:80' } });
    expect(deleteOwn.statusCode).toBe(204);
  });

  it('leaves token requests alone: Bearer without Origin, even with a foreign one', async () => {
    const ticket = await openTicket();
    const noOrigin = await raw({ method: 'POST', url: `/api/v1/tickets/${ticket.id}/attachments?filename=log.txt`, payload: 'log', headers: { authorization: bearer, 'content-type': 'text/plain' } });
    expect(noOrigin.statusCode, noOrigin.body).toBe(201);
    const foreign = await raw({ method: 'POST', url: `/api/v1/tickets/${ticket.id}/acknowledge`, headers: { authorization: bearer, origin: EVIL } });
    expect(foreign.statusCode, foreign.body).toBe(200);
  });

  it('refuses sign-in from a foreign page (login CSRF), takes it from the desk and from scripts without Origin', async () => {
    const payload = { email: CUSTOMER_A, password: 'x'.repeat(8) };
    const foreign = await raw({ method: 'POST', url: '/api/v1/session', payload, headers: { origin: EVIL } });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().error.code).toBe('cross_site_request');
    const own = await raw({ method: 'POST', url: '/api/v1/session', payload, headers: { origin: DESK_ORIGIN } });
    expect(own.statusCode).toBe(401); // checked: the password is wrong
    const script = await raw({ method: 'POST', url: '/api/v1/session', payload });
    expect(script.statusCode).toBe(401);
  });

  it('answers 415 with a plain message to a text/plain body on a JSON route, with a cookie and with a token', async () => {
    const ticket = await openTicket();
    for (const auth of <Record<string, string>[]>[{ cookie: agent, origin: DESK_ORIGIN }, { authorization: bearer }]) {
      const ack = await raw({ method: 'POST', url: `/api/v1/tickets/${ticket.id}/acknowledge`, payload: 'x=1', headers: { ...auth, 'content-type': 'text/plain' } });
      expect(ack.statusCode, ack.body).toBe(415);
      expect(ack.json().error).toEqual({
        code: 'unsupported_media_type',
        message: 'Content-Type "text/plain" is not accepted here; send JSON with "Content-Type: application/json".',
      });
      const create = await raw({ method: 'POST', url: '/api/v1/tickets', payload: '{"subject":"a","description":"b"}', headers: { ...auth, 'content-type': 'text/plain;charset=UTF-8' } });
      expect(create.statusCode, create.body).toBe(415);
    }
    // Form fields are taken by the voice webhook only, not by the other phone and routing routes.
    const form = await raw({ method: 'POST', url: '/api/v1/phone/route', payload: 'pin=482913', headers: { authorization: bearer, 'content-type': 'application/x-www-form-urlencoded' } });
    expect(form.statusCode, form.body).toBe(415);
    expect(form.json().error.message).toContain('"application/x-www-form-urlencoded" is not accepted here');
    const json = await service.request(customer, { method: 'POST', url: '/api/v1/tickets', payload: { subject: 'a', description: 'b' } });
    expect(json.statusCode, json.body).toBe(201);
  });
});
