import type { Kysely } from 'kysely';
import { runStatements } from './statements.js';

/**
 * The language a person reads the desk in (its pages and the emails sent to them). Null: not
 * chosen, so the browser's language (pages) or the ticket's language (customer emails) decides.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `alter table users add column locale text constraint users_locale_check check (locale in ('en', 'pt-BR', 'de', 'es', 'ru'))`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, ['alter table users drop column locale']);
}
