import type { Kysely } from 'kysely';
import { type Actor, isStaff, requireRole } from '../auth/actor.js';
import type { Clock } from '../clock.js';
import { isUniqueViolation } from '../db/errors.js';
import type { Database, Team } from '../db/schema.js';
import { AppError, notFound } from '../errors.js';
import { iso } from '../http/common-schemas.js';
import { decodeCursor, toPage } from '../http/pagination.js';
import { checkStaffUser } from '../users/service.js';
import type { CreateTeamInput, ListTeamsFilter, TeamView, UpdateTeamInput } from './schemas.js';

type Db = Kysely<Database>;

function requireStaffToSeeTeams(actor: Actor): void {
  if (!isStaff(actor)) throw new AppError('forbidden', 'Teams are internal to the support provider; customers cannot list them.');
}

export async function listTeams(db: Db, actor: Actor, filter: ListTeamsFilter) {
  requireStaffToSeeTeams(actor);
  let query = db.selectFrom('teams').selectAll().where('provider_id', '=', actor.providerId);
  if (filter.q) query = query.where('name', 'ilike', `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  if (filter.member_id) {
    const memberId = filter.member_id;
    query = query.where('id', 'in', (eb) => eb.selectFrom('team_memberships').select('team_id').where('user_id', '=', memberId));
  }
  const cursor = decodeCursor(filter.cursor);
  if (cursor) {
    query = query.where((eb) => eb.or([eb('name', '>', cursor.key), eb.and([eb('name', '=', cursor.key), eb('id', '>', cursor.id)])]));
  }
  const rows = await query.orderBy('name').orderBy('id').limit(filter.limit + 1).execute();
  const members = await membersOf(db, rows.map((r) => r.id));
  return toPage(rows, filter.limit, (t) => ({ key: t.name, id: t.id }), (t) => presentTeam(t, members.get(t.id) ?? []));
}

export async function getTeam(db: Db, actor: Actor, id: string): Promise<TeamView> {
  const team = await findTeam(db, actor, id);
  return presentTeam(team, (await membersOf(db, [team.id])).get(team.id) ?? []);
}

export async function createTeam(db: Db, clock: Clock, actor: Actor, input: CreateTeamInput): Promise<TeamView> {
  requireRole(actor, ['admin', 'manager'], 'create teams');
  await checkMembers(db, actor, input.member_ids);
  const now = new Date(clock.now());
  let team: Team;
  try {
    team = await db
      .insertInto('teams')
      .values({
        provider_id: actor.providerId,
        name: input.name,
        description: input.description ?? null,
        follow_the_sun: input.follow_the_sun,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  } catch (error) {
    if (isUniqueViolation(error)) throw AppError.translated('conflict', { id: 'error.team.nameTaken', values: { name: input.name } });
    throw error;
  }
  await replaceMembers(db, clock, team.id, input.member_ids);
  return getTeam(db, actor, team.id);
}

export async function updateTeam(db: Db, clock: Clock, actor: Actor, id: string, input: UpdateTeamInput): Promise<TeamView> {
  const team = await findTeam(db, actor, id);
  requireRole(actor, ['admin', 'manager'], 'change teams');
  if (input.member_ids) await checkMembers(db, actor, input.member_ids);
  const changes = {
    ...(input.name !== undefined && { name: input.name }),
    ...(input.description !== undefined && { description: input.description }),
    ...(input.follow_the_sun !== undefined && { follow_the_sun: input.follow_the_sun }),
  };
  await db.transaction().execute(async (trx) => {
    try {
      await trx.updateTable('teams').set({ ...changes, updated_at: new Date(clock.now()) }).where('id', '=', team.id).execute();
    } catch (error) {
      if (isUniqueViolation(error)) throw AppError.translated('conflict', { id: 'error.team.nameTaken', values: { name: input.name } });
      throw error;
    }
    if (input.member_ids) await replaceMembers(trx, clock, team.id, input.member_ids);
  });
  return getTeam(db, actor, team.id);
}

/** Customers get not-found for any team id: teams are not theirs to see. */
async function findTeam(db: Db, actor: Actor, id: string): Promise<Team> {
  const team = isStaff(actor)
    ? await db.selectFrom('teams').selectAll().where('id', '=', id).where('provider_id', '=', actor.providerId).executeTakeFirst()
    : undefined;
  if (!team) throw notFound('team');
  return team;
}

async function checkMembers(db: Db, actor: Actor, memberIds: string[]): Promise<void> {
  for (const [i, memberId] of memberIds.entries()) await checkStaffUser(db, actor, memberId, `body.member_ids.${i}`);
}

async function replaceMembers(db: Db, clock: Clock, teamId: string, memberIds: string[]): Promise<void> {
  await db.deleteFrom('team_memberships').where('team_id', '=', teamId).execute();
  const unique = [...new Set(memberIds)];
  if (unique.length === 0) return;
  const now = new Date(clock.now());
  await db.insertInto('team_memberships').values(unique.map((user_id) => ({ team_id: teamId, user_id, created_at: now }))).execute();
}

async function membersOf(db: Db, teamIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (teamIds.length === 0) return map;
  const rows = await db.selectFrom('team_memberships').select(['team_id', 'user_id']).where('team_id', 'in', teamIds).orderBy('user_id').execute();
  for (const row of rows) map.set(row.team_id, [...(map.get(row.team_id) ?? []), row.user_id]);
  return map;
}

function presentTeam(team: Team, memberIds: string[]): TeamView {
  return {
    id: team.id,
    name: team.name,
    description: team.description,
    follow_the_sun: team.follow_the_sun,
    member_ids: memberIds,
    created_at: iso(team.created_at),
    updated_at: iso(team.updated_at),
  };
}
