/** What the two prepared-statement layers (PostgreSQL pool, PGlite) agree on. */

const DATA_STATEMENT = /^\s*(select|insert|update|delete|with)\b/i;

/** Whether a statement reads or writes rows; only those are prepared. DDL, transaction control and SET run as they are. */
export function isDataStatement(text: string): boolean {
  return DATA_STATEMENT.test(text);
}

/** Whether an error says a prepared statement's result shape went stale after a schema change. */
export function isStalePlan(error: unknown): boolean {
  const { code, message } = error as { code?: string; message?: string };
  return code === '0A000' && typeof message === 'string' && message.includes('cached plan must not change result type');
}
