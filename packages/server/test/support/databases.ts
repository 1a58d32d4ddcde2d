import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type DatabaseHandle, openDatabase } from '../../src/db/open.js';

export const DATABASE_KINDS = ['pglite', 'postgres'] as const;
export type TestDatabaseKind = (typeof DATABASE_KINDS)[number];

/** The maintenance database used to create and drop one database per test file. */
const MAINTENANCE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * Opens a fresh, empty database of the given kind: in-memory PGlite, or a new PostgreSQL database
 * `hourglass_test_<random>` that is dropped on close. An unreachable PostgreSQL fails the test.
 */
export async function openTestDatabase(kind: TestDatabaseKind): Promise<DatabaseHandle> {
  if (kind === 'pglite') return openDatabase({});
  const database = await createTestDatabase();
  const handle = await openDatabase({ databaseUrl: database.url, maxConnections: 5 });
  return {
    ...handle,
    async close() {
      await handle.close();
      await database.drop();
    },
  };
}

/** A new, empty PostgreSQL database for one test file: its URL, and how to drop it. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `hourglass_test_${randomBytes(6).toString('hex')}`;
  await maintenance(`create database ${name}`);
  const url = new URL(MAINTENANCE_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => maintenance(`drop database if exists ${name} with (force)`) };
}

async function maintenance(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: MAINTENANCE_URL });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${MAINTENANCE_URL} (${(error as Error).message}). The integration tests run against both ` +
        'PGlite and PostgreSQL: start PostgreSQL on 127.0.0.1:5432 with trust auth for user postgres, or set TEST_DATABASE_URL ' +
        'to a maintenance database URL of a server where this user may create databases.',
    );
  }
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
