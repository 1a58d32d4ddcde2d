import type { Kysely } from 'kysely';
import { runStatements } from './statements.js';

/**
 * The fingerprint of each compiled calendar of each pack version, as of the last time open tickets
 * were re-targeted for it. Packs are files read at start; a calendar edited in place (a holiday
 * added under the same version) shows as a fingerprint that differs, and its open tickets are
 * re-targeted. The partial index finds a pack version's open tickets in id order for that.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table calendar_fingerprints (
       pack_id text not null,
       pack_version text not null,
       calendar_id text not null,
       fingerprint text not null,
       updated_at timestamptz not null,
       primary key (pack_id, pack_version, calendar_id)
     )`,
    `create index tickets_open_pack_version_idx on tickets (pack_id, pack_version, id) where status not in ('solved', 'closed')`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, ['drop index tickets_open_pack_version_idx', 'drop table calendar_fingerprints']);
}
