import { createToken } from '../../src/auth/tokens.js';
import type { Role } from '../../src/db/schema.js';
import type { Hints } from './openapi-operations.js';
import { ADMIN, AGENT, CUSTOMER_A, CUSTOMER_B, MANAGER, type TestService } from './app.js';

/** A signed-in user of the sweeps: a bearer token, and a second token of theirs that a revoke may take. */
export interface SweepActor {
  role: Role;
  userId: string;
  auth: string;
  spareTokenId: string;
}

/** One customer account's records: seeded demo data, plus a ticket and an attachment the sweeps add through the API. */
export interface Tenant {
  customer: SweepActor;
  accountId: string;
  accountName: string;
  projectId: string;
  ticketId: string;
  attachmentId: string;
  /** Text that belongs to this tenant alone: it must never appear in an answer to another tenant. */
  secrets: string[];
}

export interface SweepFixtures {
  admin: SweepActor;
  manager: SweepActor;
  agent: SweepActor;
  /** Customer A's account: the sweeps' own tenant. */
  a: Tenant;
  /** Customer B's account: the other tenant. */
  b: Tenant;
  teamId: string;
  webhookId: string;
  /** An out-of-office range of the agent. */
  rangeId: string;
  /** A status component group, a component in it, and an incident on that component. */
  componentGroupId: string;
  componentId: string;
  incidentId: string;
}

async function actor(service: TestService, email: string): Promise<SweepActor> {
  const user = await service.db.selectFrom('users').select(['id', 'role']).where('email', '=', email).executeTakeFirstOrThrow();
  const main = await createToken(service.db, service.clock, user.id, { name: 'sweep' });
  const spare = await createToken(service.db, service.clock, user.id, { name: 'sweep spare' });
  return { role: user.role, userId: user.id, auth: `Bearer ${main.secret}`, spareTokenId: spare.token.id };
}

async function tenant(service: TestService, email: string): Promise<Tenant> {
  const customer = await actor(service, email);
  const user = await service.db.selectFrom('users').select(['account_id', 'name']).where('id', '=', customer.userId).executeTakeFirstOrThrow();
  const account = await service.db.selectFrom('accounts').select(['id', 'name']).where('id', '=', user.account_id!).executeTakeFirstOrThrow();
  const project = await service.db.selectFrom('projects').select('id').where('account_id', '=', account.id).executeTakeFirstOrThrow();
  const subject = `Private matter of ${account.name}`;
  const created = await service.request(customer.auth, { method: 'POST', url: '/api/v1/tickets', payload: { subject, description: `Only ${account.name} may read this.`, project_id: project.id } });
  if (created.statusCode !== 201) throw new Error(`opening a ticket for ${account.name} failed: ${created.statusCode} ${created.body}`);
  const ticketId: string = created.json().id;
  const upload = await service.request(customer.auth, {
    method: 'POST',
    url: `/api/v1/tickets/${ticketId}/attachments?filename=${encodeURIComponent(`${account.name} trace.txt`)}`,
    headers: { 'content-type': 'text/plain' },
    payload: `log of ${account.name}`,
  });
  if (upload.statusCode !== 201) throw new Error(`uploading an attachment for ${account.name} failed: ${upload.statusCode} ${upload.body}`);
  return {
    customer,
    accountId: account.id,
    accountName: account.name,
    projectId: project.id,
    ticketId,
    attachmentId: upload.json().id,
    secrets: [account.name, email, user.name, subject],
  };
}

/**
 * Tokens for every role and real ids of two tenants' records, read from the demo data of `service`.
 * The tenants are the demo customers `customers.a` and `customers.b` (by email).
 */
export async function sweepFixtures(service: TestService, customers: { a: string; b: string } = { a: CUSTOMER_A, b: CUSTOMER_B }): Promise<SweepFixtures> {
  const [admin, manager, agent, a, b] = [await actor(service, ADMIN), await actor(service, MANAGER), await actor(service, AGENT), await tenant(service, customers.a), await tenant(service, customers.b)];
  const team = await service.db.selectFrom('teams').select('id').orderBy('name').executeTakeFirstOrThrow();
  const webhook = await service.request(admin.auth, { method: 'POST', url: '/api/v1/webhooks', payload: { url: 'https://93.184.215.14/hook', events: ['ticket_created'] } });
  if (webhook.statusCode !== 201) throw new Error(`creating a webhook failed: ${webhook.statusCode} ${webhook.body}`);
  const range = await service.request(agent.auth, {
    method: 'POST',
    url: `/api/v1/users/${agent.userId}/out-of-office`,
    payload: { starts_at: '2026-04-01T00:00:00Z', ends_at: '2026-04-03T00:00:00Z', note: 'sweep' },
  });
  if (range.statusCode !== 201) throw new Error(`creating an out-of-office range failed: ${range.statusCode} ${range.body}`);
  const group = await service.request(admin.auth, { method: 'POST', url: '/api/v1/status/component-groups', payload: { name: 'Sweep group' } });
  if (group.statusCode !== 201) throw new Error(`creating a component group failed: ${group.statusCode} ${group.body}`);
  const component = await service.request(admin.auth, { method: 'POST', url: '/api/v1/status/components', payload: { key: 'sweep-api', name: 'Sweep API', group_id: group.json().id } });
  if (component.statusCode !== 201) throw new Error(`creating a component failed: ${component.statusCode} ${component.body}`);
  const incident = await service.request(agent.auth, {
    method: 'POST',
    url: '/api/v1/incidents',
    payload: { name: 'Sweep incident', status: 'investigating', body: 'Sweeping.', components: [{ id: component.json().id, status: 'degraded_performance' }] },
  });
  if (incident.statusCode !== 201) throw new Error(`opening an incident failed: ${incident.statusCode} ${incident.body}`);
  return {
    admin,
    manager,
    agent,
    a,
    b,
    teamId: team.id,
    webhookId: webhook.json().id,
    rangeId: range.json().id,
    componentGroupId: group.json().id,
    componentId: component.json().id,
    incidentId: incident.json().id,
  };
}

/**
 * The id a path parameter takes, by the collection it follows (`/tickets/{id}` → a ticket of `tenant`).
 * `self` fills `/users/{id}` and `/tokens/{id}` (the caller's own user and spare token). A collection
 * without an entry gets the nil UUID: its route is still swept, but only up to "not found" until a real
 * id is added here.
 */
export function pathValue(f: SweepFixtures, tenant: Tenant, self: SweepActor) {
  const ids: Record<string, string> = {
    tickets: tenant.ticketId,
    attachments: tenant.attachmentId,
    targets: 'first_response',
    accounts: tenant.accountId,
    users: self.userId,
    'out-of-office': f.rangeId,
    tokens: self.spareTokenId,
    teams: f.teamId,
    webhooks: f.webhookId,
    policies: 'twilio',
    calendars: 'twilio-business-hours',
    'component-groups': f.componentGroupId,
    components: f.componentId,
    incidents: f.incidentId,
  };
  return (param: string, collection: string): string => {
    return ids[collection] ?? (param === 'id' || param.endsWith('Id') ? '00000000-0000-0000-0000-000000000000' : 'unknown');
  };
}

/** Valid values of fields whose rules the schema cannot express, for requests of `tenant`'s account. */
export function bodyHints(f: SweepFixtures, tenant: Tenant): Hints {
  return {
    account_id: tenant.accountId,
    requester_id: tenant.customer.userId,
    project_id: tenant.projectId,
    assignee_id: f.agent.userId,
    team_id: f.teamId,
    manager_id: f.manager.userId,
    primary_manager_id: f.manager.userId,
    secondary_manager_id: f.manager.userId,
    growth_manager_id: f.manager.userId,
    member_ids: [f.agent.userId],
    pack_id: 'twilio',
    pack: 'twilio',
    plan: 'bootstrap',
    priority: 'P3',
    zone: 'Europe/Berlin',
    password: 'a-long-sweep-password',
    text: 'id: sweep\n',
    filename: 'sweep.txt',
    starts_at: '2026-05-01T00:00:00Z',
    ends_at: '2026-05-02T00:00:00Z',
    key: 'sweep-sample',
    ticket_id: tenant.ticketId,
    month: '2026-02',
  };
}
