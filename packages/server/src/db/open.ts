import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { postgresTypes } from './pg-types.js';
import { PreparingPool } from './prepared-pool.js';
import { pglitePool } from './pglite-pool.js';
import type { Database } from './schema.js';

export type DatabaseKind = 'pglite' | 'postgres';

/** How long getting a PostgreSQL connection may take. */
const CONNECT_TIMEOUT_MS = 15_000;

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  close(): Promise<void>;
}

/** How to open a connection of one's own to the database behind a handle (LISTEN needs a dedicated one). */
export type ConnectionSource = { kind: 'postgres'; connectionString: string } | { kind: 'pglite'; pglite: PGlite };

const sources = new WeakMap<Kysely<Database>, ConnectionSource>();

/** The database behind `db`, when `openDatabase` opened it. */
export function connectionSourceOf(db: Kysely<Database>): ConnectionSource | null {
  return sources.get(db) ?? null;
}

export interface DatabaseOptions {
  /** PostgreSQL connection string. Without it the embedded PGlite database is used. */
  databaseUrl?: string | undefined;
  /** Folder for the embedded database (`<dataDir>/pglite`). Without it PGlite keeps its data in memory. */
  dataDir?: string | undefined;
  /** Pool size for PostgreSQL. */
  maxConnections?: number;
}

/** Opens PostgreSQL (when a URL is given) or the embedded PGlite database. */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options.maxConnections ?? 10) : openPglite(options.dataDir);
}

async function openPostgres(connectionString: string, max: number): Promise<DatabaseHandle> {
  // A request waits at most this long for a connection (a new one, or a free one of the pool) before it
  // is answered 503, rather than hang while the database host does not answer.
  const pool = new PreparingPool({ connectionString, max, types: postgresTypes(), connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it on the next checkout.
  });
  pool.on('connect', (client) => {
    // A connection lost while lent out (a terminated backend, a restart) fails the query that used it,
    // and the pool drops it on return; without a listener the client's error event would end the process.
    client.on('error', () => undefined);
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  await sql`select 1`.execute(db).catch(async (error: unknown) => {
    await db.destroy();
    throw new Error(`Cannot connect to PostgreSQL at ${redact(connectionString)}: ${(error as Error).message}`);
  });
  sources.set(db, { kind: 'postgres', connectionString });
  return { db, kind: 'postgres', close: () => db.destroy() };
}

async function openPglite(dataDir: string | undefined): Promise<DatabaseHandle> {
  let folder: string | undefined;
  if (dataDir) {
    folder = path.join(dataDir, 'pglite');
    await mkdir(folder, { recursive: true });
  }
  const pglite = await PGlite.create(folder === undefined ? {} : { dataDir: folder });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: pglitePool(pglite) }) });
  sources.set(db, { kind: 'pglite', pglite });
  return { db, kind: 'pglite', close: () => db.destroy() };
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
