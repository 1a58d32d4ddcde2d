import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENT, CUSTOMER_A, startTestService, type TestService } from './support/app.js';
import { DATABASE_KINDS } from './support/databases.js';

const INJECTIONS = [
  "'; drop table tickets; --",
  '" or 1=1 --',
  '<script>alert(1)</script>',
  'nul\u0000byte',
  '\ud800 lone surrogate',
  '../../../etc/passwd',
  '${jndi:ldap://x}',
  'a & | ! ( ) :* <-> \\',
  'x'.repeat(5000),
];

const WRONG_TYPES = { subject: 42, description: ['x'], priority: { $gt: '' }, status: 7, name: null, email: true, public: 'yes', body: 1, role: [], limit: -1, password: 1, member_ids: 'all', projects: 'x', intake: 'x' };

/** URL-encodes text; a lone surrogate becomes the invalid UTF-8 bytes %ED%A0%80, which is hostile too. */
const enc = (text: string): string => {
  try {
    return encodeURIComponent(text);
  } catch {
    return `${encodeURIComponent(text.replace(/[\ud800-\udfff]/g, ''))}%ED%A0%80`;
  }
};

interface Route {
  method: string;
  url: string;
}

/** Every documented route, from the OpenAPI document the service serves. */
async function routesOf(service: TestService): Promise<Route[]> {
  const doc = (await service.app.inject({ method: 'GET', url: '/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(doc.paths).flatMap(([url, operations]) => Object.keys(operations).map((method) => ({ method: method.toUpperCase(), url })));
}

describe.each(DATABASE_KINDS)('hostile input against every route on %s', (kind) => {
  let service: TestService;
  let customer: string;
  let foreign: Record<string, string>;

  beforeAll(async () => {
    service = await startTestService(kind, { seedTickets: true });
    customer = await service.signIn(CUSTOMER_A);
    const me = (await service.request(customer, { method: 'GET', url: '/api/v1/me' })).json();
    const otherTicket = await service.db.selectFrom('tickets').select(['id', 'account_id', 'requester_id']).where('account_id', '<>', me.account_id).executeTakeFirstOrThrow();
    const team = await service.db.selectFrom('teams').select('id').executeTakeFirstOrThrow();
    const token = await service.db.selectFrom('users').select('id').where('email', '=', AGENT).executeTakeFirstOrThrow();
    const attachment = await service.db.selectFrom('tickets').select('id').where('account_id', '<>', me.account_id).executeTakeFirstOrThrow();
    foreign = { ticket: otherTicket.id, account: otherTicket.account_id, user: otherTicket.requester_id, team: team.id, agent: token.id, attachment: attachment.id };
  });
  afterAll(async () => {
    await service?.close();
  });

  /** Fills a route's path parameters: other tenants' ids, malformed ids and injection strings. */
  function urlsFor(route: Route): string[] {
    const params = [...route.url.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    if (params.length === 0) return [route.url];
    const fill = (value: (param: string) => string) => route.url.replace(/\{(\w+)\}/g, (_m, p: string) => enc(value(p)));
    const foreignId = (param: string) => (param === 'metric' ? 'first_response' : route.url.includes('/accounts/') ? foreign.account! : route.url.includes('/users/') ? foreign.user! : route.url.includes('/teams/') ? foreign.team! : foreign.ticket!);
    return [
      fill(foreignId),
      fill(() => 'not-a-uuid'),
      fill(() => '00000000-0000-0000-0000-000000000000'),
      ...INJECTIONS.slice(0, 4).map((s) => fill(() => s)),
    ];
  }

  function requestsFor(url: string, method: string): InjectOptions[] {
    const base = { method: method as InjectOptions['method'], url };
    if (method === 'GET' || method === 'DELETE') {
      return [
        base,
        { ...base, url: `${url}?limit=abc&cursor=%%%` },
        { ...base, url: `${url}?cursor=${Buffer.from('["x"]').toString('base64url')}` },
        { ...base, url: `${url}?status=drop&breach=x&assignee_id=1` },
        ...INJECTIONS.slice(0, 6).map((s) => ({ ...base, url: `${url}?q=${enc(s)}&pack=${enc(s)}` })),
      ];
    }
    const json = { 'content-type': 'application/json' };
    return [
      { ...base, payload: '{"subject": ', headers: json },
      { ...base, payload: '[1, 2, 3]', headers: json },
      { ...base, payload: 'null', headers: json },
      { ...base, payload: '', headers: json },
      { ...base, payload: 'subject=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      { ...base, payload: WRONG_TYPES },
      { ...base, payload: { unexpected_field: 1, __proto__: { admin: true }, constructor: { prototype: { x: 1 } } } },
      { ...base, payload: JSON.stringify({ subject: 'x'.repeat(1024 * 1024 + 10) }), headers: json },
      { ...base, payload: { subject: 'ok', description: 'ok', account_id: foreign.account, requester_id: foreign.user, project_id: foreign.ticket, assignee_id: foreign.agent, team_id: foreign.team } },
      ...INJECTIONS.map((s) => ({
        ...base,
        payload: { subject: s, description: s, body: s, name: s, email: s, priority: s, product: s, reason: s, pack_id: s, plan: s, password: s, language: s, environment: s },
      })),
      { ...base, headers: { 'idempotency-key': 'k'.repeat(400) }, payload: { subject: 'x', description: 'y' } },
    ];
  }

  it('answers every route without a 5xx, signed in as a customer and anonymously', async () => {
    // Signing out ends the session the sweep uses, so that route goes last.
    const routes = (await routesOf(service)).sort((a, b) => Number(a.url.endsWith('/session') && a.method === 'DELETE') - Number(b.url.endsWith('/session') && b.method === 'DELETE'));
    expect(routes.length).toBeGreaterThan(25);
    const failures: string[] = [];
    let sent = 0;
    for (const route of routes) {
      for (const url of urlsFor(route)) {
        for (const options of requestsFor(url, route.method)) {
          for (const auth of [customer, null]) {
            const response = await service.request(auth, options);
            sent += 1;
            if (response.statusCode >= 500) failures.push(`${route.method} ${String(options.url).slice(0, 120)} -> ${response.statusCode} ${response.body.slice(0, 200)}`);
            else if (response.statusCode >= 400) {
              const error = response.json().error;
              if (typeof error?.message !== 'string' || error.message.length === 0) failures.push(`${route.method} ${url}: no error message`);
            }
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(500);
  });

  it('never lets a customer read or change another tenant\'s records', async () => {
    customer = await service.signIn(CUSTOMER_A);
    const rows = await service.db.selectFrom('tickets').select(['id', 'subject']).where('id', '=', foreign.ticket!).executeTakeFirstOrThrow();
    for (const url of [`/api/v1/tickets/${foreign.ticket}`, `/api/v1/accounts/${foreign.account}`, `/api/v1/users/${foreign.user}`, `/api/v1/teams/${foreign.team}`]) {
      const response = await service.request(customer, { method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
      expect(response.body).not.toContain(rows.subject);
    }
    const after = await service.db.selectFrom('tickets').select('subject').where('id', '=', foreign.ticket!).executeTakeFirstOrThrow();
    expect(after.subject).toBe(rows.subject);
  });
});
