import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PreparingPool } from '../src/db/prepared-pool.js';
import { createTestDatabase } from './support/databases.js';

describe('a pool whose connections prepare their data statements', () => {
  let pool: PreparingPool;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    pool = new PreparingPool({ connectionString: database.url, max: 1, maxPreparedPerConnection: 3 });
    pool.on('error', () => {
      // The connection closed by dropping the database at the end.
    });
    await pool.query('create table things (id integer primary key, name text not null)');
  });
  afterAll(async () => {
    await pool?.end();
    await drop?.();
  });

  async function preparedOnConnection(): Promise<string[]> {
    const client = await pool.connect();
    try {
      const result = await client.query<{ statement: string }>("select statement from pg_prepared_statements where name like 'hg\\_%' order by statement", []);
      return result.rows.map((r) => r.statement);
    } finally {
      client.release();
    }
  }

  it('prepares a repeated statement once and runs it by name after', async () => {
    const client = await pool.connect();
    try {
      for (let i = 1; i <= 3; i++) await client.query('insert into things (id, name) values ($1, $2)', [i, `thing ${i}`]);
      const rows = await client.query('select * from things where id = $1', [2]);
      expect(rows.rows).toEqual([{ id: 2, name: 'thing 2' }]);
    } finally {
      client.release();
    }
    const statements = await preparedOnConnection();
    expect(statements.filter((s) => s.startsWith('insert into things'))).toHaveLength(1);
    expect(statements.filter((s) => s.startsWith('select * from things'))).toHaveLength(1);
  });

  it('runs schema statements and statements past the limit unnamed', async () => {
    const client = await pool.connect();
    try {
      await client.query('create index things_name_idx on things (name)', []);
      await client.query('select name from things where id = $1', [1]);
      await client.query('select id from things where name = $1', ['thing 1']);
    } finally {
      client.release();
    }
    const statements = await preparedOnConnection();
    expect(statements.some((s) => s.startsWith('create index'))).toBe(false);
    // insert, select *, and the lookup of prepared statements itself fill the three places.
    expect(statements).toHaveLength(3);
    expect(statements.some((s) => s.startsWith('select id from things'))).toBe(false);
  });

  it('keeps working after a schema change alters a prepared statement’s result: retried outside a transaction, refused inside one', async () => {
    await pool.query('alter table things add column colour text', []);
    const client = await pool.connect();
    try {
      await client.query('begin', []);
      await expect(client.query('select * from things where id = $1', [1])).rejects.toThrow(/cached plan must not change result type/);
      await client.query('rollback', []);
      const rows = await client.query('select * from things where id = $1', [1]);
      expect(rows.rows).toEqual([{ id: 1, name: 'thing 1', colour: null }]);
    } finally {
      client.release();
    }
    // Outside a transaction the stale statement is retried unnamed at once: the caller sees no error.
    const other = await pool.connect();
    try {
      await other.query('select * from things order by id limit $1', [1]);
    } finally {
      other.release();
    }
    await pool.query('alter table things add column size integer', []);
    const again = await pool.query('select * from things order by id limit $1', [1]);
    expect(again.rows).toEqual([{ id: 1, name: 'thing 1', colour: null, size: null }]);
  });
});
