import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import { fixedClock, type FixedClock } from '../../src/clock.js';
import type { DatabaseHandle } from '../../src/db/open.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import type { Database } from '../../src/db/schema.js';
import { buildApp } from '../../src/app/build-app.js';
import { DEMO_PASSWORDS } from '../../src/seed/demo-data.js';
import { seedDemoData } from '../../src/seed/seed.js';
import { loadShippedCatalog } from '../../src/policy/shipped.js';
import type { PolicyCatalog } from '../../src/policy/catalog.js';
import { createWorkflow, type Workflow } from '../../src/app/worker.js';
import { parseWebhookAllowList, type ResolveHost } from '../../src/notify/index.js';
import { openTestDatabase, type TestDatabaseKind } from './databases.js';

export const ADMIN = 'admin@hourglass.example';
export const AGENT = 'lena.vogt@hourglass.example';
export const MANAGER = 'manager@hourglass.example';
export const RILEY = 'riley@bluefin-apps.example'; // twilio bootstrap, America/Denver

/** The real HTTP app over a fresh demo database, with the workflow's worker (not sweeping on its own: time moves through the API). */
export interface WorkflowService {
  app: FastifyInstance;
  db: Kysely<Database>;
  clock: FixedClock;
  workflow: Workflow;
  handle: DatabaseHandle;
  /** Signs in now (sessions last a week, and these tests travel for weeks). */
  as(email: string): Promise<string>;
  request(email: string, options: InjectOptions): Promise<LightMyRequestResponse>;
  /** POST /api/v1/admin/clock as the admin. */
  travel(body: { to: string } | { advance: string }): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export interface WorkflowServiceOptions {
  smtpUrl?: string;
  registry?: PolicyCatalog;
  /** Internal webhook receivers allowed (as HOURGLASS_WEBHOOK_ALLOW); receivers on 127.0.0.1 need it. */
  webhookAllow?: string[];
  /** How webhook host names resolve, when saved and at delivery (the system resolver by default). */
  resolveHost?: ResolveHost;
}

export async function startWorkflowService(kind: TestDatabaseKind, start: string, options: WorkflowServiceOptions = {}): Promise<WorkflowService> {
  const handle = await openTestDatabase(kind);
  const clock = fixedClock(Date.parse(start));
  const registry = options.registry ?? (await loadShippedCatalog());
  await migrateToLatest(handle.db);
  await seedDemoData(handle.db, registry, clock, { tickets: false });
  const { allow, problems } = parseWebhookAllowList(options.webhookAllow ?? []);
  if (problems.length) throw new Error(problems.join('\n'));
  const workflow = createWorkflow({
    db: handle.db,
    clock,
    registry,
    workerId: `test-${kind}`,
    settings: { smtpUrl: options.smtpUrl, supportAddress: 'support@desk.example.test', publicUrl: 'https://desk.example.test', webhookAllow: allow },
    ...(options.resolveHost ? { resolveHost: options.resolveHost } : {}),
  });
  const webhookGuard = { allow, ...(options.resolveHost ? { resolve: options.resolveHost } : {}) };
  const app = await buildApp({ db: handle.db, clock, registry, workflow, webApp: false, webhookGuard });
  const as = async (email: string) => {
    const role = email === ADMIN ? 'admin' : email === MANAGER ? 'manager' : email.endsWith('@hourglass.example') ? 'agent' : 'customer';
    const response = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password: DEMO_PASSWORDS[role] } });
    if (response.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${response.statusCode} ${response.body}`);
    const cookie = response.cookies.find((c) => c.name === 'hourglass_session')!;
    return `${cookie.name}=${cookie.value}`;
  };
  const request = async (email: string, options: InjectOptions) =>
    app.inject({ ...options, headers: { origin: 'http://localhost', ...(options.headers as Record<string, string> | undefined), cookie: await as(email) } });
  return {
    app,
    db: handle.db,
    clock,
    workflow,
    handle,
    as,
    request,
    travel: (body) => request(ADMIN, { method: 'POST', url: '/api/v1/admin/clock', payload: body }),
    async close() {
      await app.close();
      await workflow.stop();
      await handle.close();
    },
  };
}

export const utc = (iso: string): string => new Date(iso).toISOString();
