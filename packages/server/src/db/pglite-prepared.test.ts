import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PglitePreparedStatements } from './pglite-prepared.js';

describe('PglitePreparedStatements', () => {
  let pg: PGlite;
  let statements: PglitePreparedStatements;

  beforeAll(async () => {
    pg = await PGlite.create();
    statements = new PglitePreparedStatements(pg, { maxPrepared: 4 });
    await pg.exec('create table things (id bigint primary key, name text not null, at timestamptz, tags jsonb, ok boolean)');
  });
  afterAll(async () => {
    await pg.close();
  });

  const prepared = async () => (await pg.query<{ statement: string }>("select statement from pg_prepared_statements where name like 'hg%' order by statement")).rows.map((r) => r.statement);

  it('answers rows, types and counts as PGlite’s query does, preparing each statement once', async () => {
    const insert = 'insert into things (id, name, at, tags, ok) values ($1, $2, $3, $4, $5) returning *';
    const at = new Date('2026-03-02T17:00:00.123Z');
    const first = await statements.query(insert, [1, 'one', at, JSON.stringify({ a: [1, 2] }), true]);
    const second = await statements.query(insert, [2, 'two', null, null, false]);
    expect(first).toEqual({ command: 'INSERT', rowCount: 1, rows: [{ id: 1, name: 'one', at, tags: { a: [1, 2] }, ok: true }] });
    expect(second.rows).toEqual([{ id: 2, name: 'two', at: null, tags: null, ok: false }]);
    const select = 'select id, name from things where id >= $1 order by id';
    expect((await statements.query(select, [1])).rows).toEqual((await pg.query(select, [1])).rows);
    const update = await statements.query('update things set ok = $1 where id >= $2', [true, 1]);
    expect(update).toMatchObject({ command: 'UPDATE', rowCount: 2 });
    expect(await prepared()).toEqual([insert, select, 'update things set ok = $1 where id >= $2'].sort());
    await statements.query(select, [2]);
    expect(await prepared()).toHaveLength(3);
  });

  it('fails a statement with the database’s error and stays usable', async () => {
    const insert = 'insert into things (id, name, at, tags, ok) values ($1, $2, $3, $4, $5) returning *';
    await expect(statements.query(insert, [1, 'again', null, null, null])).rejects.toMatchObject({ code: '23505' });
    await expect(statements.query('select nonsense from things where id = $1', [1])).rejects.toMatchObject({ code: '42703' });
    expect((await statements.query('select name from things where id = $1', [1])).rows).toEqual([{ name: 'one' }]);
  });

  it('runs statements past the limit, and schema statements, unprepared', async () => {
    await statements.query('select count(*)::int as n from things where ok = $1', [true]);
    await statements.query('select max(id) as m from things where name <> $1', ['x']);
    await statements.query('create index things_name_idx on things (name)', []);
    const names = await prepared();
    expect(names).toHaveLength(4);
    expect(names.some((s) => s.startsWith('select max(id)'))).toBe(false);
    expect(names.some((s) => s.startsWith('create index'))).toBe(false);
  });

  it('runs a statement made stale by a schema change unprepared, at once outside a transaction', async () => {
    const select = 'select * from things where id = $1';
    const fresh = new PglitePreparedStatements(pg);
    await fresh.query(select, [1]);
    await pg.exec('alter table things add column colour text');
    expect((await fresh.query(select, [1])).rows).toEqual([expect.objectContaining({ id: 1, name: 'one', colour: null })]);
  });
});
