import { type PGlite, parse, protocol } from '@electric-sql/pglite';
import { isDataStatement, isStalePlan } from './prepared-statements.js';


export interface QueryResult {
  command: string;
  rowCount: number;
  rows: unknown[];
}

/** Sets of prepared statements made in this process; names carry it, so two sets on one database never clash. */
let sets = 0;

interface Prepared {
  name: string;
  parameterTypes: number[];
}

/**
 * Runs statements on one PGlite instance, preparing each data statement once (by name, in the
 * database) and afterwards only binding and executing it: PGlite's own `query` parses and plans every
 * statement every time, which on the embedded database costs as much as running it. Uses PGlite's
 * public wire-protocol API and result parser, so rows come back exactly as `query` returns them.
 * A prepared statement whose result shape a schema change made stale is dropped and the statement run
 * unprepared. The caller runs one statement at a time (the pool's lock).
 */
export class PglitePreparedStatements {
  readonly #pg: PGlite;
  readonly #prepared = new Map<string, Prepared>();
  readonly #stale = new Set<string>();
  readonly #max: number;
  readonly #prefix = `hg${++sets}_`;
  #names = 0;

  constructor(pg: PGlite, options: { maxPrepared?: number } = {}) {
    this.#pg = pg;
    this.#max = options.maxPrepared ?? 256;
  }

  async query(sql: string, parameters: readonly unknown[]): Promise<QueryResult> {
    if (!isDataStatement(sql) || this.#stale.has(sql) || (!this.#prepared.has(sql) && this.#prepared.size >= this.#max)) {
      return this.#plain(sql, parameters);
    }
    try {
      return await this.#pg._runExclusiveQuery(() => this.#execute(sql, parameters));
    } catch (error) {
      if (!isStalePlan(error)) throw error;
      this.#prepared.delete(sql);
      this.#stale.add(sql);
      if (this.#pg.isInTransaction()) throw error;
      return this.#plain(sql, parameters);
    }
  }

  async #plain(sql: string, parameters: readonly unknown[]): Promise<QueryResult> {
    const result = await this.#pg.query(sql, [...parameters]);
    return { command: result.command ?? 'SELECT', rowCount: result.affectedRows ?? result.rowCount ?? 0, rows: result.rows };
  }

  async #execute(sql: string, parameters: readonly unknown[]): Promise<QueryResult> {
    const statement = this.#prepared.get(sql) ?? (await this.#prepare(sql));
    const values = parameters.map((value, i) => {
      if (value === null || value === undefined) return null;
      const serialize = this.#pg.serializers[statement.parameterTypes[i]!];
      return serialize ? serialize(value) : String(value);
    });
    const messages = [];
    try {
      messages.push(...(await this.#send(protocol.serialize.bind({ statement: statement.name, values }))));
      messages.push(...(await this.#send(protocol.serialize.describe({ type: 'P' }))));
      messages.push(...(await this.#send(protocol.serialize.execute({}))));
    } finally {
      messages.push(...(await this.#send(protocol.serialize.sync())));
    }
    if (!this.#pg.isInTransaction()) await this.#pg.syncToFs();
    const result = parse.parseResults(messages, this.#pg.parsers)[0]!;
    return { command: commandOf(messages), rowCount: result.affectedRows ?? result.rowCount ?? 0, rows: result.rows };
  }

  async #prepare(sql: string): Promise<Prepared> {
    const name = `${this.#prefix}${++this.#names}`;
    let parameterTypes: number[];
    try {
      await this.#send(protocol.serialize.parse({ name, text: sql }));
      parameterTypes = parse.parseDescribeStatementResults(await this.#send(protocol.serialize.describe({ type: 'S', name })));
    } finally {
      await this.#send(protocol.serialize.sync());
    }
    const prepared = { name, parameterTypes };
    this.#prepared.set(sql, prepared);
    return prepared;
  }

  #send(message: Uint8Array) {
    return this.#pg.execProtocolStream(message, { syncToFs: false });
  }
}

function commandOf(messages: readonly { name: string }[]): string {
  const complete = messages.find((m) => m.name === 'commandComplete') as { text?: string } | undefined;
  return complete?.text?.split(' ')[0] ?? 'SELECT';
}
