/**
 * Which components each customer account uses: an RFO is relayed on the unsolved tickets of the
 * accounts that use a component the incident affected.
 */
import type { Kysely } from 'kysely';
import { type Actor, requireRole } from '../auth/actor.js';
import type { Database } from '../db/schema.js';
import { getVisibleAccount } from '../accounts/service.js';
import { invalidField } from './errors.js';
import { currentStatuses } from './spans.js';
import { anyOf } from '../db/any-of.js';

type Db = Kysely<Database>;

/** The account's components with their status now (the account's own customers and the provider's staff may read them). */
export async function accountComponents(db: Db, actor: Actor, accountId: string) {
  const account = await getVisibleAccount(db, actor, accountId);
  const rows = await db
    .selectFrom('account_components')
    .innerJoin('status_components', 'status_components.id', 'account_components.component_id')
    .select(['status_components.id', 'status_components.key', 'status_components.name'])
    .where('account_components.account_id', '=', account.id)
    .orderBy('status_components.position')
    .orderBy('status_components.name')
    .execute();
  const statuses = await currentStatuses(db, rows.map((r) => r.id));
  return { items: rows.map((r) => ({ ...r, status: statuses.get(r.id) ?? 'operational' })) };
}

/** Replaces the account's components (admin). */
export async function setAccountComponents(db: Db, actor: Actor, accountId: string, componentIds: readonly string[]) {
  const account = await getVisibleAccount(db, actor, accountId);
  requireRole(actor, ['admin'], "set an account's components");
  const unique = [...new Set(componentIds)];
  const found = unique.length === 0 ? [] : await db.selectFrom('status_components').select('id').where('provider_id', '=', actor.providerId).where('id', '=', anyOf(unique, 'uuid')).execute();
  const known = new Set(found.map((f) => f.id));
  for (const [i, id] of componentIds.entries()) if (!known.has(id)) throw invalidField(`body.component_ids.${i}`, 'incidents.error.notFound.component');
  await db.deleteFrom('account_components').where('account_id', '=', account.id).execute();
  if (unique.length > 0) await db.insertInto('account_components').values(unique.map((component_id) => ({ account_id: account.id, component_id }))).execute();
  return accountComponents(db, actor, account.id);
}
