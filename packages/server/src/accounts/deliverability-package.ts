/**
 * The accounts' `email_deliverability` flag and the Email Deliverability package (account_packages,
 * migration 012) say the same thing: setting the flag starts the package today (UTC), clearing it
 * ends the package today, or removes it when it started today. The availability pages set packages
 * with their dates and keep the flag in step the other way.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { anyOf } from '../db/any-of.js';

export const DELIVERABILITY_PACKAGE_ID = 'email_deliverability';

export async function followDeliverabilityFlag(db: Kysely<Database>, accountId: string, held: boolean, now: number): Promise<void> {
  const today = new Date(now).toISOString().slice(0, 10);
  const current = await db
    .selectFrom('account_packages')
    .select(['id', 'starts_on'])
    .where('account_id', '=', accountId)
    .where('package_id', '=', DELIVERABILITY_PACKAGE_ID)
    .where('starts_on', '<=', today)
    .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', today)]))
    .execute();
  if (held) {
    if (current.length === 0) await db.insertInto('account_packages').values({ account_id: accountId, package_id: DELIVERABILITY_PACKAGE_ID, starts_on: today, ends_on: null }).execute();
    return;
  }
  if (current.length === 0) return;
  const ids = current.map((c) => c.id);
  // Held since today only: as if never held. Otherwise held until today, included.
  await db.deleteFrom('account_packages').where('id', '=', anyOf(ids, 'uuid')).where('starts_on', '=', today).execute();
  await db.updateTable('account_packages').set({ ends_on: today }).where('id', '=', anyOf(ids, 'uuid')).execute();
}
