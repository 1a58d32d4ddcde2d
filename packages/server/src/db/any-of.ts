import { sql } from 'kysely';

/**
 * `any($1::type[])`: one array parameter instead of a list of them, so a statement's text is the same
 * for any number of values (it is prepared once, on the embedded database too).
 */
export function anyOf<T>(values: readonly T[], type: 'uuid' | 'bigint' | 'text') {
  return sql<T>`any(${[...values]}::${sql.raw(type)}[])`;
}
