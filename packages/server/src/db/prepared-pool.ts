import { createHash } from 'node:crypto';
import pg from 'pg';
import { isDataStatement, isStalePlan } from './prepared-statements.js';


export interface PreparingPoolConfig extends pg.PoolConfig {
  /** How many statements each connection keeps prepared; past it, new statements run unnamed. */
  maxPreparedPerConnection?: number;
}

type QueryFunction = (...args: unknown[]) => Promise<unknown>;

/**
 * A node-postgres pool whose connections prepare each data statement the first time they run it
 * (named by a hash of its text) and afterwards only bind and execute it, so PostgreSQL skips parsing
 * and, once it settles on a generic plan, planning. Query builders produce a bounded set of texts, and
 * each connection prepares at most `maxPreparedPerConnection` of them.
 *
 * A schema change can make a prepared statement's result shape stale ("cached plan must not change
 * result type"): the connection then stops using that name, and a statement outside a transaction is
 * retried unnamed at once; inside one, the error reaches the caller as any failed statement does.
 */
export class PreparingPool extends pg.Pool {
  readonly #maxPrepared: number;

  constructor(config: PreparingPoolConfig) {
    const { maxPreparedPerConnection = 256, ...rest } = config;
    super(rest);
    this.#maxPrepared = maxPreparedPerConnection;
  }

  override connect(): Promise<pg.PoolClient>;
  override connect(callback: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void): void;
  override connect(callback?: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void): Promise<pg.PoolClient> | void {
    if (callback) {
      super.connect((err, client, done) => callback(err, client ? this.#preparing(client) : client, done));
      return;
    }
    return super.connect().then((client) => this.#preparing(client));
  }

  #preparing(client: pg.PoolClient): pg.PoolClient {
    if (wrapped.has(client)) return client;
    wrapped.add(client);
    const query = client.query.bind(client) as QueryFunction;
    /** Statement text → its name, for the statements this connection has prepared. */
    const prepared = new Map<string, string>();
    const stale = new Set<string>();
    const limit = this.#maxPrepared;
    const run = async (text: string, values: unknown): Promise<unknown> => {
      if (!Array.isArray(values) || !isDataStatement(text)) return values === undefined ? query(text) : query(text, values);
      let name = prepared.get(text);
      if (name === undefined) {
        if (stale.has(text) || prepared.size >= limit) return query(text, values);
        name = statementName(text);
        prepared.set(text, name);
      }
      try {
        return await query({ name, text, values });
      } catch (error) {
        if (!isStalePlan(error)) throw error;
        prepared.delete(text);
        stale.add(text);
        // The server's last ReadyForQuery says whether the connection is inside a transaction (now failed).
        if ((client as unknown as { getTransactionStatus(): string | undefined }).getTransactionStatus() !== 'I') throw error;
        return query(text, values);
      }
    };
    // Both forms node-postgres offers: a promise, or a callback as the last argument (as the pool's own query uses).
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (text: unknown, ...rest: unknown[]) => {
      if (typeof text !== 'string') return query(text, ...rest);
      const callback = typeof rest.at(-1) === 'function' ? (rest.pop() as (error: unknown, result?: unknown) => void) : undefined;
      const result = run(text, rest[0]);
      if (!callback) return result;
      result.then((value) => callback(undefined, value), (error: unknown) => callback(error));
      return undefined;
    };
    return client;
  }
}

const wrapped = new WeakSet<pg.PoolClient>();

function statementName(text: string): string {
  return `hg_${createHash('sha1').update(text).digest('base64url').slice(0, 24)}`;
}
