import type { Kysely } from 'kysely';
import { type Actor, isStaff } from '../auth/actor.js';
import type { Database, User } from '../db/schema.js';
import { AppError, notFound } from '../errors.js';
import type { AppDeps } from '../http/deps.js';
import { invalid } from '../http/invalid.js';
import { cancelOutOfOfficeStart, scheduleOutOfOfficeStart } from './out-of-office-timer.js';
import { rerouteUnattended, type ReroutedTicket } from './reroute.js';

type Db = Kysely<Database>;

/** What a user update may have changed that takes them away from their tickets. */
export interface AvailabilityChange {
  presence?: User['presence'] | undefined;
  out_of_office_until?: string | null | undefined;
}

/**
 * After a profile change in the same transaction: a person who went offline, or out of office from
 * now, hands over the tickets nobody has worked on yet.
 */
export async function rerouteIfUnavailable(deps: AppDeps, db: Db, actor: Actor, user: Pick<User, 'id' | 'name'>, change: AvailabilityChange): Promise<ReroutedTicket[]> {
  const now = deps.clock.now();
  const offline = change.presence === 'offline';
  const away = change.out_of_office_until != null && Date.parse(change.out_of_office_until) > now;
  if (!offline && !away) return [];
  const cause = offline ? ({ cause: 'offline' } as const) : ({ cause: 'set', until: new Date(Date.parse(change.out_of_office_until!)) } as const);
  return rerouteUnattended(db, deps.registry, user, { actorId: actor.userId, at: now, ...cause });
}

export interface OutOfOfficeJson {
  id: string;
  user_id: string;
  starts_at: string;
  ends_at: string;
  note: string | null;
  created_at: string;
}

const present = (row: { id: string; user_id: string; starts_at: Date; ends_at: Date; note: string | null; created_at: Date }): OutOfOfficeJson => ({
  id: row.id,
  user_id: row.user_id,
  starts_at: row.starts_at.toISOString(),
  ends_at: row.ends_at.toISOString(),
  note: row.note,
  created_at: row.created_at.toISOString(),
});

/** Staff see everyone's absences; a person manages their own, managers and admins everyone's. */
async function staffPerson(db: Db, actor: Actor, userId: string, write: boolean): Promise<Pick<User, 'id' | 'name'>> {
  if (!isStaff(actor)) throw new AppError('forbidden', 'Only provider staff have out-of-office ranges.');
  const person = await db.selectFrom('users').select(['id', 'name', 'role']).where('id', '=', userId).where('provider_id', '=', actor.providerId).executeTakeFirst();
  if (!person) throw notFound('user');
  if (person.role === 'customer') throw invalid('params.id', 'Customers have no working schedule; name a member of staff.');
  if (write && person.id !== actor.userId && actor.role === 'agent') throw new AppError('forbidden', 'Agents manage only their own out-of-office ranges.');
  return person;
}

export async function listOutOfOffice(deps: AppDeps, actor: Actor, userId: string): Promise<OutOfOfficeJson[]> {
  const person = await staffPerson(deps.db, actor, userId, false);
  const rows = await deps.db.selectFrom('out_of_office').selectAll().where('user_id', '=', person.id).orderBy('starts_at').orderBy('id').execute();
  return rows.map(present);
}

/**
 * Adds an absence; one that has already begun hands the person's unattended tickets over at once, and
 * one that begins later does so at its start (a durable timer).
 */
export async function addOutOfOffice(
  deps: AppDeps,
  db: Db,
  actor: Actor,
  userId: string,
  input: { starts_at: string; ends_at: string; note?: string | undefined },
): Promise<{ range: OutOfOfficeJson; rerouted: ReroutedTicket[] }> {
  const person = await staffPerson(db, actor, userId, true);
  const start = Date.parse(input.starts_at);
  const end = Date.parse(input.ends_at);
  if (end <= start) throw invalid('body.ends_at', 'Must be after starts_at.');
  const now = deps.clock.now();
  if (end <= now) throw invalid('body.ends_at', 'This range is already over; give an end in the future.');
  const row = await db
    .insertInto('out_of_office')
    .values({ user_id: person.id, starts_at: new Date(start), ends_at: new Date(end), note: input.note ?? null, created_at: new Date(now) })
    .returningAll()
    .executeTakeFirstOrThrow();
  if (start > now) {
    await scheduleOutOfOfficeStart(db, row, now);
    return { range: present(row), rerouted: [] };
  }
  const rerouted = await rerouteUnattended(db, deps.registry, person, { actorId: actor.userId, at: now, cause: 'set', until: new Date(end) });
  return { range: present(row), rerouted };
}

/** Removes an absence, with the hand-over timer of one that has not begun. */
export async function removeOutOfOffice(deps: AppDeps, actor: Actor, userId: string, rangeId: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const person = await staffPerson(trx, actor, userId, true);
    const removed = await trx.deleteFrom('out_of_office').where('id', '=', rangeId).where('user_id', '=', person.id).executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) throw notFound('out-of-office range');
    await cancelOutOfOfficeStart(trx, rangeId, deps.clock.now());
  });
}
