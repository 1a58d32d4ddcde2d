import type { PGlite } from '@electric-sql/pglite';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import { Mutex } from './mutex.js';
import { PglitePreparedStatements } from './pglite-prepared.js';

type Command = PostgresQueryResult<unknown>['command'];
const ROW_COUNT_COMMANDS = new Set<string>(['UPDATE', 'DELETE', 'INSERT', 'SELECT', 'MERGE']);

/**
 * Presents one PGlite instance as the pool that Kysely's PostgresDialect expects. PGlite has a single
 * connection, so the pool lends it to one holder at a time: a transaction keeps it from `connect()`
 * to `release()`, and every other query waits its turn.
 */
export function pglitePool(pg: PGlite, options: { closeOnEnd: boolean } = { closeOnEnd: true }): PostgresPool {
  const lock = new Mutex();
  const statements = new PglitePreparedStatements(pg);
  return {
    async connect(): Promise<PostgresPoolClient> {
      const release = await lock.acquire();
      const client = {
        async query(sql: string, parameters: ReadonlyArray<unknown>) {
          const result = await statements.query(sql, parameters);
          const command = result.command.toUpperCase();
          return {
            command: (ROW_COUNT_COMMANDS.has(command) ? command : 'SELECT') as Command,
            rowCount: result.rowCount,
            rows: result.rows,
          };
        },
        release,
      };
      return client as PostgresPoolClient;
    },
    async end() {
      if (options.closeOnEnd && !pg.closed) await pg.close();
    },
  };
}
