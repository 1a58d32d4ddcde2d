import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../src/db/schema.js';
import { DEMO_PASSWORDS } from '../src/seed/demo-data.js';
import { CUSTOMER_B, startTestService, type TestService } from './support/app.js';
import { DATABASE_KINDS } from './support/databases.js';
import { fillPath, objectSample, type Operation, operationsOf, queryString } from './support/openapi-operations.js';
import { bodyHints, pathValue, type SweepActor, type SweepFixtures, sweepFixtures, type Tenant } from './support/sweep-fixtures.js';

/**
 * The standing role × tenant matrix: every operation of /openapi.json is called anonymously, by each
 * role, and by a customer on another account's records, with otherwise valid requests, and must
 * answer as the table below says. A new operation fails the first test until it is given an entry.
 */

const SIGNED_IN: Role[] = ['customer', 'agent', 'manager', 'admin'];
const STAFF: Role[] = ['agent', 'manager', 'admin'];
const MANAGERS: Role[] = ['manager', 'admin'];
const ADMIN: Role[] = ['admin'];

/** Who may call each operation: `anyone` (no sign-in), or the roles that may; every other role is refused. */
const WHO_MAY_CALL: Record<string, 'anyone' | Role[]> = {
  'GET /healthz': 'anyone',
  'GET /api/v1/time': 'anyone',
  'POST /api/v1/session': 'anyone',
  'DELETE /api/v1/session': 'anyone', // signing out without a session is harmless
  'GET /api/v1/me': SIGNED_IN,
  'PATCH /api/v1/me': SIGNED_IN,
  'GET /api/v1/tokens': SIGNED_IN,
  'POST /api/v1/tokens': SIGNED_IN,
  'DELETE /api/v1/tokens/{id}': SIGNED_IN,
  'GET /api/v1/accounts': SIGNED_IN,
  'POST /api/v1/accounts': MANAGERS,
  'GET /api/v1/accounts/{id}': SIGNED_IN,
  'PATCH /api/v1/accounts/{id}': MANAGERS,
  'GET /api/v1/accounts/{id}/projects': SIGNED_IN,
  'POST /api/v1/accounts/{id}/projects': ['customer', 'manager', 'admin'], // agents may not add projects
  'GET /api/v1/accounts/{id}/routing': STAFF,
  'GET /api/v1/users': SIGNED_IN,
  'POST /api/v1/users': MANAGERS,
  'GET /api/v1/users/{id}': SIGNED_IN,
  'PATCH /api/v1/users/{id}': SIGNED_IN, // one's own profile
  'GET /api/v1/users/{id}/out-of-office': STAFF,
  'POST /api/v1/users/{id}/out-of-office': STAFF,
  'DELETE /api/v1/users/{id}/out-of-office/{rangeId}': STAFF,
  'GET /api/v1/teams': STAFF,
  'POST /api/v1/teams': MANAGERS,
  'GET /api/v1/teams/{id}': STAFF,
  'PATCH /api/v1/teams/{id}': MANAGERS,
  'GET /api/v1/tickets': SIGNED_IN,
  'POST /api/v1/tickets': SIGNED_IN,
  'GET /api/v1/queue': SIGNED_IN,
  'GET /api/v1/tickets/{id}': SIGNED_IN,
  'PATCH /api/v1/tickets/{id}': SIGNED_IN,
  'POST /api/v1/tickets/{id}/reclassify': STAFF,
  'POST /api/v1/tickets/{id}/acknowledge': STAFF,
  'GET /api/v1/tickets/{id}/comments': SIGNED_IN,
  'POST /api/v1/tickets/{id}/comments': SIGNED_IN,
  'GET /api/v1/tickets/{id}/events': SIGNED_IN,
  'GET /api/v1/tickets/{id}/targets/{metric}/explain': SIGNED_IN,
  'POST /api/v1/tickets/{id}/attachments': SIGNED_IN,
  'GET /api/v1/tickets/{id}/attachments': SIGNED_IN,
  'GET /api/v1/tickets/{id}/attachments/{attachmentId}': SIGNED_IN,
  'GET /api/v1/tickets/{id}/intake': SIGNED_IN,
  'PATCH /api/v1/tickets/{id}/intake': SIGNED_IN,
  'POST /api/v1/tickets/{id}/escalations': SIGNED_IN,
  'GET /api/v1/tickets/{id}/escalations': SIGNED_IN,
  'GET /api/v1/intake-forms': 'anyone',
  'GET /api/v1/policies': 'anyone',
  'GET /api/v1/policies/{pack}': 'anyone',
  'GET /api/v1/policies/{pack}/calendars/{calendar}/open-periods': 'anyone',
  'POST /api/v1/policies/validate': MANAGERS,
  'POST /api/v1/phone/route': STAFF,
  'POST /api/v1/phone/twiml': STAFF,
  'GET /api/v1/webhooks': ADMIN,
  'POST /api/v1/webhooks': ADMIN,
  'GET /api/v1/webhooks/{id}': ADMIN,
  'PATCH /api/v1/webhooks/{id}': ADMIN,
  'DELETE /api/v1/webhooks/{id}': ADMIN,
  'GET /api/v1/webhooks/{id}/deliveries': ADMIN,
  'GET /api/v1/me/notifications': SIGNED_IN,
  'PUT /api/v1/me/notifications': SIGNED_IN,
  'GET /api/v1/admin/clock': ADMIN,
  'POST /api/v1/admin/clock': ADMIN,
  'GET /api/v1/suspended-mail': STAFF,
  'GET /api/v1/suspended-mail/{id}': STAFF,
  'POST /api/v1/suspended-mail/{id}/accept': STAFF,
  'POST /api/v1/suspended-mail/{id}/discard': STAFF,
  'GET /api/v1/status/components': SIGNED_IN,
  'POST /api/v1/status/components': ADMIN,
  'PATCH /api/v1/status/components/{id}': ADMIN,
  'DELETE /api/v1/status/components/{id}': ADMIN,
  'PUT /api/v1/status/components/{id}/status': STAFF,
  'POST /api/v1/status/component-groups': ADMIN,
  'PATCH /api/v1/status/component-groups/{id}': ADMIN,
  'DELETE /api/v1/status/component-groups/{id}': ADMIN,
  'GET /api/v1/incidents': STAFF,
  'POST /api/v1/incidents': STAFF,
  'GET /api/v1/incidents/{id}': STAFF,
  'PATCH /api/v1/incidents/{id}': STAFF,
  'POST /api/v1/incidents/{id}/updates': STAFF,
  'GET /api/v1/incidents/{id}/tickets': STAFF,
  'POST /api/v1/incidents/{id}/tickets': STAFF,
  'DELETE /api/v1/incidents/{id}/tickets/{ticketId}': STAFF,
  'PUT /api/v1/incidents/{id}/rfo': STAFF,
  'POST /api/v1/incidents/{id}/rfo/publish': STAFF,
  'GET /api/v1/tickets/{id}/incidents': SIGNED_IN,
  'POST /api/v1/tickets/{id}/rfo-request': SIGNED_IN,
  'GET /api/v1/status/active-incidents': SIGNED_IN,
  'POST /status/subscriptions': 'anyone', // subscribing to the public status page; email needs confirmation
  'GET /api/v1/status/subscriptions': SIGNED_IN,
  'PUT /api/v1/status/subscriptions': SIGNED_IN,
  'DELETE /api/v1/status/subscriptions': SIGNED_IN,
  'GET /api/v1/accounts/{id}/components': SIGNED_IN,
  'PUT /api/v1/accounts/{id}/components': ADMIN,
  'POST /api/v1/integrations/alertmanager': STAFF,
  'GET /api/v1/availability': STAFF,
  'GET /api/v1/accounts/{id}/availability': SIGNED_IN,
  'GET /api/v1/accounts/{id}/packages': STAFF,
  'PUT /api/v1/accounts/{id}/packages': ADMIN,
  'GET /api/v1/accounts/{id}/fees': STAFF,
  'PUT /api/v1/accounts/{id}/fees': ADMIN,
  'POST /api/v1/availability/fees/import': ADMIN,
  'POST /api/v1/availability/credit-requests': SIGNED_IN,
  'PATCH /api/v1/availability/credit-requests/{id}': MANAGERS,
};

/** Valid bodies that cannot be derived from the schema alone. */
const SAMPLE_BODIES: Record<string, (tenant: Tenant) => unknown> = {
  'POST /api/v1/session': () => ({ email: TENANT_A, password: DEMO_PASSWORDS.customer }),
  'POST /api/v1/admin/clock': () => ({ advance: '1m' }),
  'POST /api/v1/integrations/alertmanager': () => ({ version: '4', groupKey: '{}:{alertname="Sweep"}', status: 'resolved', receiver: 'sweep', groupLabels: {}, commonLabels: {}, commonAnnotations: {}, alerts: [] }),
};

/** Tenant A is on a plan with every feature (escalation included), so only roles and tenancy refuse. */
const TENANT_A = 'evan@dunmore-bank.example';

/** Collections whose records belong to one customer account. */
const TENANT_COLLECTIONS = new Set(['tickets', 'accounts', 'users', 'attachments', 'tokens']);
const hasTenantPath = (op: Operation) => [...op.path.matchAll(/\/([\w-]+)\/\{\w+\}/g)].some((m) => TENANT_COLLECTIONS.has(m[1]!));

/** Deletions go last, so the records they remove are there for every other operation. */
const order = (op: Operation) => (op.method === 'DELETE' ? 1 : 0);

describe.each(DATABASE_KINDS)('role × tenant matrix over every operation on %s', (kind) => {
  let service: TestService;
  let f: SweepFixtures;
  let operations: Operation[];

  beforeAll(async () => {
    service = await startTestService(kind);
    f = await sweepFixtures(service, { a: TENANT_A, b: CUSTOMER_B });
    operations = (await operationsOf(service.app)).sort((a, b) => order(a) - order(b));
  });
  afterAll(async () => {
    await service?.close();
  });

  /**
   * A valid request for `op` on `tenant`'s records, sent as `actor` (null: anonymous). `/users/{id}` and
   * `/tokens/{id}` address `owner`: the caller's own by default.
   */
  function send(op: Operation, tenant: Tenant, actor: SweepActor | null, owner: SweepActor = actor ?? tenant.customer): Promise<LightMyRequestResponse> {
    const self = owner;
    const hints = bodyHints(f, tenant);
    const overrides: Record<string, string> = {};
    for (const p of op.params) if (p.in === 'query' && p.name === 'account_id') overrides[p.name] = tenant.accountId;
    const url = `${fillPath(op, pathValue(f, tenant, self))}${queryString(op, hints, overrides)}`;
    const options: InjectOptions = { method: op.method, url };
    if (op.key === 'POST /api/v1/tickets/{id}/attachments') Object.assign(options, { headers: { 'content-type': 'text/plain' }, payload: 'matrix' });
    else if (SAMPLE_BODIES[op.key]) options.payload = SAMPLE_BODIES[op.key]!(tenant) as InjectOptions['payload'];
    else if (op.body) options.payload = objectSample(op.body, hints);
    return service.request(actor?.auth ?? null, options);
  }

  const line = (op: Operation, who: string, r: LightMyRequestResponse, expected: string) => `${op.key} as ${who}: ${r.statusCode} (expected ${expected}) ${r.body.slice(0, 200)}`;

  it('has an entry in WHO_MAY_CALL for every documented operation, and none for a removed one', () => {
    const keys = operations.map((op) => op.key);
    expect(keys.filter((k) => !Object.hasOwn(WHO_MAY_CALL, k)), 'operations without an entry in WHO_MAY_CALL: declare who may call them').toEqual([]);
    expect(Object.keys(WHO_MAY_CALL).filter((k) => !keys.includes(k)), 'entries for operations that are no longer documented').toEqual([]);
    const documentedPublic = operations.filter((op) => op.documentedPublic).map((op) => op.key);
    expect(documentedPublic.filter((k) => WHO_MAY_CALL[k] !== 'anyone'), 'documented as needing no credentials, but not open to anyone here').toEqual([]);
  });

  it('refuses anonymous callers with 401 everywhere except the public operations', async () => {
    const failures: string[] = [];
    for (const op of operations) {
      const rule = WHO_MAY_CALL[op.key];
      if (rule === undefined) continue;
      const r = await send(op, f.a, null);
      if (rule === 'anyone' ? r.statusCode === 401 || r.statusCode === 403 || r.statusCode >= 500 : r.statusCode !== 401) failures.push(line(op, 'anonymous', r, rule === 'anyone' ? 'an answer' : '401'));
      if (r.statusCode >= 400 && typeof r.json().error?.message !== 'string') failures.push(line(op, 'anonymous', r, 'a JSON error message'));
    }
    expect(failures).toEqual([]);
  });

  it("never lets a customer reach another account's records, nor shows them another tenant's data", async () => {
    const failures: string[] = [];
    const foreignIds = [f.b.accountId, f.b.ticketId, f.b.customer.userId, f.b.attachmentId, f.b.projectId];
    for (const op of operations) {
      if (WHO_MAY_CALL[op.key] === undefined) continue;
      const r = await send(op, f.b, f.a.customer, f.b.customer);
      // Records of B addressed by path: refused whatever the operation is.
      if (hasTenantPath(op) && r.statusCode !== 403 && r.statusCode !== 404) failures.push(line(op, 'customer A on B', r, '403 or 404'));
      if (r.statusCode >= 500) failures.push(line(op, 'customer A on B', r, 'no 5xx'));
      const leaked = f.b.secrets.filter((s) => r.body.includes(s));
      // An error may repeat the id that was sent; an accepted request must not carry B's ids at all.
      if (r.statusCode < 300) leaked.push(...foreignIds.filter((id) => r.body.includes(id)));
      if (leaked.length > 0) failures.push(`${op.key} as customer A on B: ${r.statusCode}, the answer holds B's ${leaked.join(', ')}`);
    }
    expect(failures).toEqual([]);
  });

  it('refuses each role the operations the table does not grant it, and lets it call the others', async () => {
    const failures: string[] = [];
    const actors: SweepActor[] = [f.a.customer, f.agent, f.manager, f.admin];
    for (const op of operations) {
      const rule = WHO_MAY_CALL[op.key];
      if (rule === undefined || rule === 'anyone') continue;
      // Refusals first: an allowed call may delete the record the others address.
      for (const actor of [...actors.filter((a) => !rule.includes(a.role)), ...actors.filter((a) => rule.includes(a.role))]) {
        const r = await send(op, f.a, actor);
        const allowed = rule.includes(actor.role);
        const refusal = op.path.includes('{') ? [403, 404] : [403];
        if (r.statusCode >= 500) failures.push(line(op, actor.role, r, 'no 5xx'));
        else if (allowed && (r.statusCode === 401 || r.statusCode === 403)) failures.push(line(op, actor.role, r, 'neither 401 nor 403: the table lets this role call it'));
        else if (!allowed && !refusal.includes(r.statusCode)) failures.push(line(op, actor.role, r, refusal.join(' or ')));
      }
    }
    expect(failures).toEqual([]);
  });
});
