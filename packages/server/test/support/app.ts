import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import { fixedClock, type FixedClock } from '../../src/clock.js';
import type { DatabaseHandle } from '../../src/db/open.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import type { Database } from '../../src/db/schema.js';
import { buildApp } from '../../src/app/build-app.js';
import type { SecurityOptions } from '../../src/http/security/index.js';
import { DEMO_PASSWORDS } from '../../src/seed/demo-data.js';
import { seedDemoData } from '../../src/seed/seed.js';
import { loadShippedCatalog } from '../../src/policy/shipped.js';
import type { PolicyCatalog } from '../../src/policy/catalog.js';
import { openTestDatabase, type TestDatabaseKind } from './databases.js';

export const START = Date.parse('2026-03-02T17:00:00Z');
/** The origin of requests made with `app.inject` (its default Host is localhost:80). */
export const DESK_ORIGIN = 'http://localhost';

export interface TestService {
  app: FastifyInstance;
  registry: PolicyCatalog;
  db: Kysely<Database>;
  handle: DatabaseHandle;
  clock: FixedClock;
  /** Signs in and returns the Cookie header value of the session. */
  signIn(email: string, password?: string): Promise<string>;
  /** Sends a request as the holder of `auth` (a Cookie header value or `Bearer …`). */
  request(auth: string | null, options: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** A migrated, demo-seeded database of `kind` behind the real HTTP app, on a fixed clock. */
export async function startTestService(kind: TestDatabaseKind, options: { seedTickets?: boolean; security?: SecurityOptions } = {}): Promise<TestService> {
  const handle = await openTestDatabase(kind);
  const clock = fixedClock(START);
  const registry = await loadShippedCatalog();
  await migrateToLatest(handle.db);
  await seedDemoData(handle.db, registry, clock, { tickets: options.seedTickets ?? false });
  const app = await buildApp({ db: handle.db, clock, registry, ...(options.security ? { security: options.security } : {}) });
  const request = (auth: string | null, options: InjectOptions) => {
    const headers: Record<string, string> = { ...(options.headers as Record<string, string> | undefined) };
    if (auth?.startsWith('Bearer ')) headers.authorization = auth;
    else if (auth) {
      headers.cookie = auth;
      // As a browser does on the desk's own pages: the cross-site check refuses cookie writes without it.
      headers.origin ??= DESK_ORIGIN;
    }
    return app.inject({ ...options, headers });
  };
  return {
    app,
    registry,
    db: handle.db,
    handle,
    clock,
    request,
    async signIn(email, password) {
      const role = email.includes('@hourglass.example') ? (email.startsWith('admin') ? 'admin' : email.startsWith('manager') ? 'manager' : 'agent') : 'customer';
      const response = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password: password ?? DEMO_PASSWORDS[role] } });
      if (response.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${response.statusCode} ${response.body}`);
      const cookie = response.cookies.find((c) => c.name === 'hourglass_session');
      if (!cookie) throw new Error('no session cookie');
      return `${cookie.name}=${cookie.value}`;
    },
    async close() {
      await app.close();
      await handle.close();
    },
  };
}

export const ADMIN = 'admin@hourglass.example';
export const MANAGER = 'manager@hourglass.example';
export const AGENT = 'lena.vogt@hourglass.example';
export const CUSTOMER_A = 'riley@bluefin-apps.example';
export const CUSTOMER_B = 'dana@cobalt-freight.example';
