import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.js';
import { requireRole } from '../auth/actor.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/schema.js';
import { AppError, notFound } from '../errors.js';
import { checkWebhookDestination, EMPTY_ALLOW_LIST, isNotifyEvent, type WebhookGuard } from '../notify/index.js';
import type { CreateWebhookInput, UpdateWebhookInput, WebhookJson } from './schemas.js';

const COLUMNS = ['id', 'url', 'description', 'events', 'active', 'created_at', 'updated_at'] as const;
type Row = { id: string; url: string; description: string | null; events: string[]; active: boolean; created_at: Date; updated_at: Date };

const present = (row: Row): WebhookJson => ({ ...row, events: (row.events ?? []).filter(isNotifyEvent), created_at: row.created_at.toISOString(), updated_at: row.updated_at.toISOString() });
const admin = (actor: Actor) => requireRole(actor, ['admin'], 'manage webhooks');

/** Refuses a URL whose host is internal (loopback, private, link-local, metadata…) unless the operator allows it: a 400 at `body.url`. */
async function checkDestination(guard: WebhookGuard | undefined, url: string): Promise<void> {
  const refusal = await checkWebhookDestination(url, guard ?? { allow: EMPTY_ALLOW_LIST });
  if (refusal) throw new AppError('validation_failed', undefined, [{ path: 'body.url', message: refusal }]);
}

export async function createWebhook(db: Kysely<Database>, clock: Clock, actor: Actor, input: CreateWebhookInput, guard?: WebhookGuard): Promise<WebhookJson & { secret: string }> {
  admin(actor);
  await checkDestination(guard, input.url);
  const secret = `whsec_${randomBytes(32).toString('base64url')}`;
  const at = new Date(clock.now());
  const row = await db
    .insertInto('webhook_endpoints')
    .values({ provider_id: actor.providerId, url: input.url, description: input.description ?? null, events: JSON.stringify(input.events ?? []), secret, created_by: actor.userId, created_at: at, updated_at: at })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  return { ...present(row as Row), secret };
}

export async function listWebhooks(db: Kysely<Database>, actor: Actor): Promise<{ items: WebhookJson[] }> {
  admin(actor);
  const rows = await db.selectFrom('webhook_endpoints').select(COLUMNS).where('provider_id', '=', actor.providerId).orderBy('created_at').execute();
  return { items: rows.map((r) => present(r as Row)) };
}

export async function getWebhook(db: Kysely<Database>, actor: Actor, id: string): Promise<WebhookJson> {
  admin(actor);
  const row = await db.selectFrom('webhook_endpoints').select(COLUMNS).where('id', '=', id).where('provider_id', '=', actor.providerId).executeTakeFirst();
  if (!row) throw notFound('webhook');
  return present(row as Row);
}

export async function updateWebhook(db: Kysely<Database>, clock: Clock, actor: Actor, id: string, input: UpdateWebhookInput, guard?: WebhookGuard): Promise<WebhookJson> {
  await getWebhook(db, actor, id);
  if (input.url !== undefined) await checkDestination(guard, input.url);
  const row = await db
    .updateTable('webhook_endpoints')
    .set({
      ...(input.url !== undefined && { url: input.url }),
      ...(input.description !== undefined && { description: input.description }),
      ...(input.events !== undefined && { events: JSON.stringify(input.events) }),
      ...(input.active !== undefined && { active: input.active }),
      updated_at: new Date(clock.now()),
    })
    .where('id', '=', id)
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  return present(row as Row);
}

export async function deleteWebhook(db: Kysely<Database>, actor: Actor, id: string): Promise<void> {
  await getWebhook(db, actor, id);
  await db.deleteFrom('webhook_endpoints').where('id', '=', id).execute();
}

export async function listDeliveries(db: Kysely<Database>, actor: Actor, id: string, query: { limit: number; outcome?: 'delivered' | 'retry_scheduled' | 'dead_letter' | undefined }) {
  await getWebhook(db, actor, id);
  let select = db.selectFrom('webhook_deliveries').selectAll().where('endpoint_id', '=', id);
  if (query.outcome) select = select.where('outcome', '=', query.outcome);
  const rows = await select.orderBy('attempted_at', 'desc').orderBy('id', 'desc').limit(query.limit).execute();
  return {
    items: rows.map(({ endpoint_id: _endpoint, ...r }) => ({
      ...r,
      id: Number(r.id),
      attempted_at: r.attempted_at.toISOString(),
      next_attempt_at: r.next_attempt_at?.toISOString() ?? null,
    })),
  };
}
