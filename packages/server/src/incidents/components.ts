/**
 * Components and their groups, per provider: the admin's list of products and APIs, each with its
 * status now, and the status a person sets by hand outside any incident.
 */
import { type Kysely, sql } from 'kysely';
import { type Actor, requireRole } from '../auth/actor.js';
import type { Clock } from '../clock.js';
import { isUniqueViolation } from '../db/errors.js';
import type { Database } from '../db/schema.js';
import { AppError } from '../errors.js';
import { announceStatusChange } from '../db/status-change.js';
import { queueComponentNotices } from '../status-subscriptions/component-fan-out.js';
import { componentNotFound, groupNotFound, invalidField, requireStaff } from './errors.js';
import type { ComponentJson, CreateComponentInput, CreateGroupInput, UpdateComponentInput, UpdateGroupInput } from './schemas.js';
import { currentStatuses, setSourceStatus } from './spans.js';
import type { ComponentStatus, StatusComponent } from './tables.js';
import { anyOf } from '../db/any-of.js';

type Db = Kysely<Database>;

/** A component as read here: its start date as text (a date column is read as a Date in the server's zone otherwise). */
export type ComponentRow = StatusComponent & { start_day: string | null };
const startDay = sql<string | null>`to_char(status_components.start_date, 'YYYY-MM-DD')`.as('start_day');

export async function listComponents(db: Db, actor: Actor) {
  const groups = await db
    .selectFrom('status_component_groups')
    .select(['id', 'name', 'description', 'position'])
    .where('provider_id', '=', actor.providerId)
    .orderBy('position')
    .orderBy('name')
    .execute();
  const components = await db.selectFrom('status_components').selectAll().select(startDay).where('provider_id', '=', actor.providerId).orderBy('position').orderBy('name').execute();
  const statuses = await currentStatuses(db, components.map((c) => c.id));
  return { groups, components: components.map((c) => presentComponent(c, statuses.get(c.id) ?? 'operational')) };
}

export async function getComponent(db: Db, actor: Actor, id: string): Promise<ComponentJson> {
  const component = await findComponent(db, actor.providerId, id);
  return presentComponent(component, (await currentStatuses(db, [id])).get(id) ?? 'operational');
}

export async function createComponent(db: Db, clock: Clock, actor: Actor, input: CreateComponentInput): Promise<ComponentJson> {
  requireRole(actor, ['admin'], 'add status components');
  if (input.group_id) await checkGroup(db, actor.providerId, input.group_id, 'body.group_id');
  const now = new Date(clock.now());
  const position = input.position ?? (await nextPosition(db, 'status_components', actor.providerId));
  try {
    const row = await db
      .insertInto('status_components')
      .values({
        provider_id: actor.providerId,
        key: input.key,
        name: input.name,
        description: input.description ?? null,
        group_id: input.group_id ?? null,
        position,
        products: JSON.stringify(input.products),
        showcase: input.showcase,
        only_show_if_degraded: input.only_show_if_degraded,
        start_date: input.start_date ?? null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await announceStatusChange(db, actor.providerId);
    return getComponent(db, actor, row.id);
  } catch (error) {
    if (isUniqueViolation(error)) throw keyTaken(input.key);
    throw error;
  }
}

export async function updateComponent(db: Db, clock: Clock, actor: Actor, id: string, input: UpdateComponentInput): Promise<ComponentJson> {
  requireRole(actor, ['admin'], 'change status components');
  await findComponent(db, actor.providerId, id);
  if (input.group_id) await checkGroup(db, actor.providerId, input.group_id, 'body.group_id');
  const { products, ...rest } = input;
  try {
    await db
      .updateTable('status_components')
      .set({ ...rest, ...(products !== undefined && { products: JSON.stringify(products) }), updated_at: new Date(clock.now()) })
      .where('id', '=', id)
      .execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw keyTaken(input.key ?? '');
    throw error;
  }
  await announceStatusChange(db, actor.providerId);
  return getComponent(db, actor, id);
}

/** Removes a component with its spans (its availability history goes with it). */
export async function deleteComponent(db: Db, actor: Actor, id: string): Promise<void> {
  requireRole(actor, ['admin'], 'remove status components');
  await findComponent(db, actor.providerId, id);
  await db.deleteFrom('status_components').where('id', '=', id).execute();
  await announceStatusChange(db, actor.providerId);
}

/** Sets a component's status by hand (no incident): operational ends the hand-set span. */
export async function setComponentStatus(db: Db, clock: Clock, actor: Actor, id: string, status: ComponentStatus): Promise<ComponentJson> {
  requireStaff(actor);
  const [component] = await lockComponents(db, actor.providerId, [id]);
  if (!component) throw componentNotFound();
  const at = new Date(clock.now());
  for (const c of await setSourceStatus(db, null, [{ componentId: id, status }], at, new Map([[id, component.name]]))) await queueComponentNotices(db, { providerId: actor.providerId, componentId: c.code, oldStatus: c.old_status, newStatus: c.new_status, at });
  await db.updateTable('status_components').set({ updated_at: new Date(clock.now()) }).where('id', '=', id).execute();
  await announceStatusChange(db, actor.providerId);
  return getComponent(db, actor, id);
}

export async function createGroup(db: Db, clock: Clock, actor: Actor, input: CreateGroupInput) {
  requireRole(actor, ['admin'], 'add component groups');
  const now = new Date(clock.now());
  const position = input.position ?? (await nextPosition(db, 'status_component_groups', actor.providerId));
  const group = await db
    .insertInto('status_component_groups')
    .values({ provider_id: actor.providerId, name: input.name, description: input.description ?? null, position, created_at: now, updated_at: now })
    .returning(['id', 'name', 'description', 'position'])
    .executeTakeFirstOrThrow();
  await announceStatusChange(db, actor.providerId);
  return group;
}

export async function updateGroup(db: Db, clock: Clock, actor: Actor, id: string, input: UpdateGroupInput) {
  requireRole(actor, ['admin'], 'change component groups');
  await checkGroup(db, actor.providerId, id);
  const group = await db
    .updateTable('status_component_groups')
    .set({ ...input, updated_at: new Date(clock.now()) })
    .where('id', '=', id)
    .returning(['id', 'name', 'description', 'position'])
    .executeTakeFirstOrThrow();
  await announceStatusChange(db, actor.providerId);
  return group;
}

/** Removes a group; its components stay, ungrouped. */
export async function deleteGroup(db: Db, actor: Actor, id: string): Promise<void> {
  requireRole(actor, ['admin'], 'remove component groups');
  await checkGroup(db, actor.providerId, id);
  await db.deleteFrom('status_component_groups').where('id', '=', id).execute();
  await announceStatusChange(db, actor.providerId);
}

export async function findComponent(db: Db, providerId: string, id: string): Promise<ComponentRow> {
  const row = await db.selectFrom('status_components').selectAll().select(startDay).where('id', '=', id).where('provider_id', '=', providerId).executeTakeFirst();
  if (!row) throw componentNotFound();
  return row;
}

/**
 * The provider's components of `ids`, locked for the transaction so that status changes on one
 * component run one at a time (one open span per source). Ids of other providers are left out.
 */
export async function lockComponents(db: Db, providerId: string, ids: readonly string[]): Promise<ComponentRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('status_components')
    .selectAll()
    .select(startDay)
    .where('provider_id', '=', providerId)
    .where('id', '=', anyOf([...new Set(ids)], 'uuid'))
    .orderBy('id')
    .forUpdate()
    .execute();
}

async function checkGroup(db: Db, providerId: string, id: string, path?: string): Promise<void> {
  const group = await db.selectFrom('status_component_groups').select('id').where('id', '=', id).where('provider_id', '=', providerId).executeTakeFirst();
  if (group) return;
  if (path) throw invalidField(path, 'incidents.error.notFound.group');
  throw groupNotFound();
}

async function nextPosition(db: Db, table: 'status_components' | 'status_component_groups', providerId: string): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.max<number | null>('position').as('max'))
    .where('provider_id', '=', providerId)
    .executeTakeFirst();
  return row?.max === null || row?.max === undefined ? 0 : Number(row.max) + 1;
}

const keyTaken = (key: string): AppError => AppError.translated('conflict', { id: 'incidents.error.keyTaken', values: { key } });

export function presentComponent(c: ComponentRow, status: ComponentStatus): ComponentJson {
  return {
    id: c.id,
    key: c.key,
    name: c.name,
    description: c.description,
    group_id: c.group_id,
    position: c.position,
    status,
    products: c.products,
    showcase: c.showcase,
    only_show_if_degraded: c.only_show_if_degraded,
    start_date: c.start_day,
  };
}
