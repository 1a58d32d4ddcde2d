/**
 * A signed-in person's own subscription, from the portal: their account's address, so no
 * confirmation is needed. It is the address's one active email subscription, whether it began here
 * or on the public page, so a person never gets two copies of a notice.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { Clock } from '../clock.js';
import { isUniqueViolation } from '../db/errors.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors.js';
import type { Locale } from '../i18n/index.js';
import { choosableComponents, unknownComponents, type ChoosableComponent } from './components.js';
import type { StatusSubscriber } from './tables.js';

export interface PortalSubscriptionView {
  subscription: { id: string; email: string; component_ids: string[] | null; locale: Locale; created_at: string } | null;
  components: ChoosableComponent[];
}

async function userEmail(db: Kysely<Database>, actor: Actor): Promise<string> {
  return (await db.selectFrom('users').select('email').where('id', '=', actor.userId).executeTakeFirstOrThrow()).email;
}

async function activeOf(db: Kysely<Database>, actor: Actor, email: string): Promise<StatusSubscriber | undefined> {
  return db
    .selectFrom('status_subscribers')
    .selectAll()
    .where('provider_id', '=', actor.providerId)
    .where('kind', '=', 'email')
    .where((eb) => eb.or([eb('user_id', '=', actor.userId), eb(eb.fn('lower', ['email']), '=', email.toLowerCase())]))
    .where('confirmed_at', 'is not', null)
    .where('unsubscribed_at', 'is', null)
    .orderBy('confirmed_at', 'desc')
    .executeTakeFirst();
}

const view = (row: StatusSubscriber | undefined, components: ChoosableComponent[]): PortalSubscriptionView => ({
  subscription: row ? { id: row.id, email: row.email!, component_ids: row.component_ids, locale: row.locale, created_at: row.created_at.toISOString() } : null,
  components,
});

export async function getPortalSubscription(db: Kysely<Database>, actor: Actor): Promise<PortalSubscriptionView> {
  return view(await activeOf(db, actor, await userEmail(db, actor)), await choosableComponents(db, actor.providerId));
}

export async function putPortalSubscription(db: Kysely<Database>, clock: Clock, actor: Actor, componentIds: string[] | null, locale: Locale): Promise<PortalSubscriptionView> {
  const components = await choosableComponents(db, actor.providerId);
  const ids = componentIds === null ? null : [...new Set(componentIds)];
  if (ids !== null && ids.length === 0) {
    const text = { id: 'status-subscriptions.error.componentsMissing' } as const;
    throw AppError.translated('validation_failed', text, [{ path: 'body.component_ids', message: 'Choose at least one component, or all of them.', text }]);
  }
  const unknown = ids === null ? [] : unknownComponents(components, ids);
  if (unknown.length > 0) {
    throw AppError.translated(
      'validation_failed',
      { id: 'status-subscriptions.error.componentUnknown' },
      unknown.map((i) => ({ path: `body.component_ids.${i}`, message: 'This component is not on the status page.', text: { id: 'status-subscriptions.error.componentUnknown' } })),
    );
  }
  const email = await userEmail(db, actor);
  const now = new Date(clock.now());
  const json = ids === null ? null : JSON.stringify(ids);
  const write = () =>
    db.transaction().execute(async (trx) => {
      const current = await activeOf(trx, actor, email);
      if (current) {
        await trx.updateTable('status_subscribers').set({ component_ids: json, user_id: actor.userId, locale, updated_at: now }).where('id', '=', current.id).execute();
        return;
      }
      await trx
        .insertInto('status_subscribers')
        .values({ provider_id: actor.providerId, kind: 'email', email, component_ids: json, locale, user_id: actor.userId, confirmed_at: now, created_at: now, updated_at: now })
        .execute();
    });
  try {
    await write();
  } catch (error) {
    // Two saves at once both found none and both inserted: the second one changes the first's instead.
    if (!isUniqueViolation(error)) throw error;
    await write();
  }
  return view(await activeOf(db, actor, email), components);
}

export async function deletePortalSubscription(db: Kysely<Database>, clock: Clock, actor: Actor): Promise<void> {
  const current = await activeOf(db, actor, await userEmail(db, actor));
  if (!current) return;
  const now = new Date(clock.now());
  await db.updateTable('status_subscribers').set({ unsubscribed_at: now, updated_at: now }).where('id', '=', current.id).where('unsubscribed_at', 'is', null).execute();
}
