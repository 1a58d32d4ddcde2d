import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors.js';
import { checkPreferences, effectivePreferences, type NotificationPreferences, type NotifyRole } from '../notify/index.js';

async function storedChoices(db: Kysely<Database>, userId: string): Promise<NotificationPreferences> {
  const row = await db.selectFrom('notification_preferences').select('preferences').where('user_id', '=', userId).executeTakeFirst();
  return (row?.preferences as NotificationPreferences | undefined) ?? {};
}

/** What reaches the caller by email: every event with yes or no, and the choices behind it. */
export async function getPreferences(db: Kysely<Database>, actor: Actor) {
  const choices = await storedChoices(db, actor.userId);
  return { events: effectivePreferences(choices, actor.role as NotifyRole), choices };
}

/** Merges the caller's new choices into the stored ones; every bad entry is reported at once. */
export async function putPreferences(db: Kysely<Database>, clock: Clock, actor: Actor, body: unknown) {
  const check = checkPreferences(actor.role as NotifyRole, body);
  if (!check.ok) throw new AppError('validation_failed', undefined, check.problems.map((p) => ({ path: p.path ? `body.${p.path}` : 'body', message: p.message, text: p.text })));
  const choices = { ...(await storedChoices(db, actor.userId)), ...check.preferences };
  const at = new Date(clock.now());
  await db
    .insertInto('notification_preferences')
    .values({ user_id: actor.userId, preferences: JSON.stringify(choices), updated_at: at })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ preferences: JSON.stringify(choices), updated_at: at }))
    .execute();
  return { events: effectivePreferences(choices, actor.role as NotifyRole), choices };
}
