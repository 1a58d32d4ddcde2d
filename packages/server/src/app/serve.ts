import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { pino } from 'pino';
import { type Clock, clockFromSetting, isMovable } from '../clock.js';
import { ConfigError, type MailConfig, readConfig, type SecurityConfig } from '../config.js';
import { type MetricsListener, startMetricsListener } from '../http/security/metrics-access.js';
import { type MigrationReport, migrateToLatest } from '../db/migrate.js';
import { openDatabase } from '../db/open.js';
import type { Database } from '../db/schema.js';
import { buildApp } from './build-app.js';
import type { PolicyCatalog } from '../policy/catalog.js';
import { loadShippedCatalog } from '../policy/shipped.js';
import { type CalendarCheck, retargetChangedCalendars } from '../retarget/index.js';
import { type DemoLogin, type SeedReport, seedDemoData } from '../seed/seed.js';
import { type InboundSmtp, parseWebhookAllowList, type WebhookAllowList } from '../notify/index.js';
import type { DnsResolver } from '../notify/inbound-auth.js';
import { startInboundMail } from '../mail-in/index.js';
import { createWorkflow, type Workflow } from './worker.js';

export interface StartOptions {
  port?: number;
  host?: string;
  /** PostgreSQL URL; without it (and without DATABASE_URL) the embedded database is used. */
  databaseUrl?: string;
  /** Where the embedded database keeps its files (`<dataDir>/pglite`). */
  dataDir?: string;
  clock?: Clock;
  registry?: PolicyCatalog;
  /** Close cleanly on SIGINT/SIGTERM (default true). */
  handleSignals?: boolean;
  /** Mounts the benchmark's bare insert endpoint `POST /bench/bare` (default false). */
  benchRoutes?: boolean;
  /** Seeds demo data into an empty database (default true). */
  seed?: boolean;
  /** Log level of the request logger (default: LOG_LEVEL or info). */
  logLevel?: string;
  /** Where the start-up banner goes (default: standard output). */
  print?: (line: string) => void;
  /** Runs a timer worker in this process (default true); false when separate `hourglass worker` processes fire timers. */
  worker?: boolean;
  /** Port of the inbound mail listener; defaults to HOURGLASS_SMTP_IN_PORT (unset: no listener). */
  smtpInPort?: number;
  /** Mail settings over those of the environment (tests point smtpUrl at a local listener). */
  mail?: Partial<MailConfig>;
  /** Proxy trust and metrics access over those of the environment. */
  security?: Partial<SecurityConfig>;
  /** DNS for checking inbound mail (SPF, DKIM, DMARC); the system resolver unless given. */
  mailResolver?: DnsResolver;
  /** Internal webhook receivers allowed, over HOURGLASS_WEBHOOK_ALLOW: host names, IP addresses, CIDR ranges. */
  webhookAllow?: string[];
}

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  /** The in-process timer worker, unless started with `worker: false`. */
  workflow: Workflow | null;
  /** The inbound mail listener, when a port was configured. */
  inbound: InboundSmtp | null;
  /** The separate metrics listener (HOURGLASS_METRICS_LISTEN), if configured. */
  metrics: MetricsListener | null;
  close(): Promise<void>;
}

/** Opens the database, migrates it, seeds demo data when it is empty, and listens. */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const config = readConfig();
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const clock = options.clock ?? clockFromSetting(config.clock);
  const mail = { ...config.mail, ...options.mail };
  const webhookAllow = options.webhookAllow ? allowListOf(options.webhookAllow) : config.webhookAllow;
  const logger = pino({ level: options.logLevel ?? config.logLevel });
  const handle = await openDatabase({ databaseUrl: options.databaseUrl ?? config.databaseUrl, dataDir: options.dataDir ?? config.dataDir });
  let workflow: Workflow | null = null;
  let inbound: InboundSmtp | null = null;
  let metrics: MetricsListener | null = null;
  try {
    await migrateToLatest(handle.db);
    const registry = options.registry ?? (await loadShippedCatalog());
    const seeded = options.seed === false ? { seeded: false, logins: [] } : await seedDemoData(handle.db, registry, clock);
    // A calendar edited in place since the last start (a holiday added): its open tickets follow it now.
    const calendars = await checkCalendars(registry, clock, handle, logger);
    if (options.worker !== false) {
      const settings = { ...mail, publicUrl: mail.publicUrl ?? localUrl(options.port ?? config.port), webhookAllow };
      workflow = createWorkflow({ db: handle.db, clock, registry, settings, onError: (err) => logger.error({ err }, 'timer sweep failed') });
    }
    const security = { ...config.security, ...options.security };
    const app = await buildApp({
      db: handle.db, clock, registry, logger, benchRoutes: options.benchRoutes ?? false, workflow, webhookGuard: { allow: webhookAllow },
      // The last status page shown is kept beside the data, to be served while the database is unreachable.
      statusPage: { snapshotFile: path.join(options.dataDir ?? config.dataDir, 'status-snapshot.json') },
      security: { publicUrl: mail.publicUrl, trustProxy: security.trustProxy, metricsToken: security.metricsToken, metricsSeparate: security.metricsListen !== undefined },
    });
    if (security.metricsListen) metrics = await startMetricsListener(app.metricsRegistry, security.metricsListen);
    const inboundPort = options.smtpInPort ?? mail.inboundPort;
    if (inboundPort !== undefined) {
      inbound = await startInboundMail({ db: handle.db, clock, registry }, {
        port: inboundPort,
        host: options.host ?? config.host,
        supportAddress: mail.supportAddress,
        auth: mail.inboundAuth,
        ...(options.mailResolver ? { resolver: options.mailResolver } : {}),
        logger,
      });
    }
    const address = await app.listen({ port: options.port ?? config.port, host: options.host ?? config.host });
    const url = address.replace('://[::1]', '://localhost').replace('://127.0.0.1', '://localhost');
    // Without HOURGLASS_PUBLIC_URL, links in notifications point where the server now listens.
    if (mail.publicUrl === undefined) workflow?.setPublicUrl(url);
    workflow?.start();
    let closed = false;
    const close = async () => {
      if (closed) return;
      closed = true;
      await inbound?.close();
      await metrics?.close();
      await app.close();
      await workflow?.stop();
      await handle.close();
    };
    if (options.handleSignals ?? true) {
      const onSignal = () => void close().then(() => process.exit(0));
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
    }
    printBanner(print, url, handle.kind, seeded);
    printCalendarCheck(print, calendars);
    print(`  Timers: ${workflow ? 'fired by a worker in this process' : 'not fired here (run `hourglass worker`)'}; mail out: ${workflow?.mailTransport === 'smtp' ? 'SMTP' : 'recorded in the mail_log table (set HOURGLASS_SMTP_URL to send)'}`);
    if (metrics) print(`  Metrics: ${metrics.url}`);
    if (inbound) {
      const checks = mail.inboundAuth.mode === 'relay' ? `the Authentication-Results of ${mail.inboundAuth.authservId} from ${mail.inboundAuth.relays.join(', ')}` : 'SPF, DKIM and DMARC';
      print(`  Inbound mail for ${mail.supportAddress}: smtp://${inbound.host}:${inbound.port} (senders verified by ${checks}; others wait in Suspended mail)`);
    }
    if (isMovable(clock)) print(`  Demo clock at ${new Date(clock.now()).toISOString()}; admins move it with POST /api/v1/admin/clock`);
    return { app, url, workflow, inbound, metrics, close };
  } catch (error) {
    await inbound?.close();
    await metrics?.close();
    await workflow?.stop();
    await handle.close();
    throw error;
  }
}

export interface WorkerOptions {
  databaseUrl?: string;
  dataDir?: string;
  clock?: Clock;
  registry?: PolicyCatalog;
  /** Stop cleanly on SIGINT/SIGTERM (default true). */
  handleSignals?: boolean;
  print?: (line: string) => void;
  mail?: Partial<MailConfig>;
  /** How long a send (email, webhook) may run before another worker may take it over. */
  leaseMs?: number;
}

export interface RunningWorker {
  workflow: Workflow;
  /** Resolves once the worker has stopped (after `stop()` or a signal). */
  stopped: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Runs only the timer worker (no HTTP), for scale-out: any number of these on one PostgreSQL
 * database fire every timer once. Migrates first, so a worker can start before the API.
 */
export async function startWorker(options: WorkerOptions = {}): Promise<RunningWorker> {
  const config = readConfig();
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const clock = options.clock ?? clockFromSetting(config.clock);
  const mail = { ...config.mail, ...options.mail };
  const logger = pino({ level: config.logLevel });
  const handle = await openDatabase({ databaseUrl: options.databaseUrl ?? config.databaseUrl, dataDir: options.dataDir ?? config.dataDir });
  try {
    await migrateToLatest(handle.db);
    const registry = options.registry ?? (await loadShippedCatalog());
    printCalendarCheck(print, await checkCalendars(registry, clock, handle, logger));
    // A worker has no listener: without HOURGLASS_PUBLIC_URL, links assume the API listens on PORT of this machine.
    const settings = { ...mail, publicUrl: mail.publicUrl ?? localUrl(config.port), webhookAllow: config.webhookAllow };
    const workflow = createWorkflow({ db: handle.db, clock, registry, settings, ...(options.leaseMs ? { leaseMs: options.leaseMs } : {}), onError: (err) => logger.error({ err }, 'timer sweep failed') });
    workflow.start();
    let done!: () => void;
    const stopped = new Promise<void>((resolve) => (done = resolve));
    let stopping: Promise<void> | undefined;
    const stop = () =>
      (stopping ??= (async () => {
        await workflow.stop();
        await handle.close();
        done();
      })());
    if (options.handleSignals ?? true) {
      const onSignal = () => void stop().then(() => process.exit(0));
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
    }
    print(`Hourglass worker ${workflow.worker.workerId} is firing timers (database: ${handle.kind === 'pglite' ? 'embedded PGlite' : 'PostgreSQL'}; mail out: ${workflow.mailTransport === 'smtp' ? 'SMTP' : 'mail_log table'}).`);
    return { workflow, stopped, stop };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** Where a server on this machine answers, for links when no public URL is configured. */
const localUrl = (port: number): string => `http://localhost:${port}`;

function allowListOf(entries: string[]): WebhookAllowList {
  const { allow, problems } = parseWebhookAllowList(entries);
  if (problems.length > 0) throw new ConfigError(`Invalid webhook allow-list:\n- ${problems.join('\n- ')}`);
  return allow;
}

function printBanner(print: (line: string) => void, url: string, kind: string, seeded: SeedReport): void {
  print(`Hourglass is listening on ${url} (database: ${kind === 'pglite' ? 'embedded PGlite' : 'PostgreSQL'})`);
  print(`  API docs: ${url}/docs   OpenAPI: ${url}/openapi.json   health: ${url}/healthz`);
  print(seeded.seeded ? '  Demo data was created. Demo logins:' : '  Demo logins (if the demo data is still there):');
  for (const login of seeded.logins) print(`    ${formatLogin(login)}`);
}

/**
 * Re-targets the open tickets of calendars changed since the last start: two batches at once on
 * PostgreSQL (a pool), one on the embedded database (one connection). A failure is logged and the
 * start goes on (the next start tries again; a ticket follows the new calendar when next touched).
 */
async function checkCalendars(registry: PolicyCatalog, clock: Clock, handle: { db: Kysely<Database>; kind: string }, logger: { error(obj: object, msg: string): void }): Promise<CalendarCheck | null> {
  try {
    return await retargetChangedCalendars({ registry, clock }, handle.db, { concurrency: handle.kind === 'postgres' ? 2 : 1 });
  } catch (err) {
    logger.error({ err }, 're-targeting open tickets after a calendar change failed; the next start tries again');
    return null;
  }
}

/** What the start-up check of the calendars did, when a calendar had changed. */
function printCalendarCheck(print: (line: string) => void, check: CalendarCheck | null): void {
  if (check === null) {
    print('  Calendars: re-targeting open tickets after a calendar change failed (see the log); the next start tries again.');
    return;
  }
  if (check.changes.length === 0) return;
  const which = check.changes.map((c) => `${c.packId} ${c.packVersion} (${c.calendarIds.join(', ')})`).join('; ');
  print(`  Calendars changed since they were last used: ${which}; ${check.tickets} open tickets re-targeted, ${check.timersMoved} timers moved, ${check.timersCancelled} cancelled.`);
  if (check.failed > 0) print(`  ${check.failed} open tickets could not be re-targeted under the changed packs and were left as they were; first: ${check.failures.slice(0, 3).map((f) => `${f.ticketId}: ${f.message}`).join('; ')}`);
}

function formatLogin(login: DemoLogin): string {
  const who = `${login.role.padEnd(8)} ${login.email.padEnd(36)} ${login.password}`;
  return login.account ? `${who}   ${login.account}` : who;
}

/** Brings a database up to the latest schema. Without `db`, uses DATABASE_URL or the embedded database. */
export async function migrate(db?: Kysely<Database>): Promise<MigrationReport> {
  if (db) return migrateToLatest(db);
  const config = readConfig();
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    return await migrateToLatest(handle.db);
  } finally {
    await handle.close();
  }
}

/** Migrates and fills an empty database with the demo data. Without `db`, uses the configured database. */
export async function seed(db?: Kysely<Database>, registry?: PolicyCatalog, clock?: Clock): Promise<SeedReport> {
  const config = readConfig();
  const useClock = clock ?? clockFromSetting(config.clock);
  const useRegistry = registry ?? (await loadShippedCatalog());
  if (db) {
    await migrateToLatest(db);
    return seedDemoData(db, useRegistry, useClock);
  }
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(handle.db);
    return await seedDemoData(handle.db, useRegistry, useClock);
  } finally {
    await handle.close();
  }
}
