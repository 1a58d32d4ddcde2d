import type { Kysely } from 'kysely';
import type { Database, User } from '../db/schema.js';
import type { Candidate, RoutingTeam } from './decide.js';

type Db = Kysely<Database>;
const UNSOLVED = ['new', 'open', 'pending', 'on_hold'] as const;
type Person = Pick<User, 'id' | 'name' | 'zone' | 'working_hours' | 'presence' | 'active' | 'languages' | 'out_of_office_until' | 'role'>;

/** The people with these ids as routing candidates: their schedule, presence, out-of-office ranges and open tickets. */
export async function loadCandidates(db: Db, userIds: readonly string[], at: number): Promise<Map<string, Candidate>> {
  const ids = [...new Set(userIds)];
  const result = new Map<string, Candidate>();
  if (ids.length === 0) return result;
  const now = new Date(at);
  const [people, away, loads] = await Promise.all([
    db
      .selectFrom('users')
      .select(['id', 'name', 'zone', 'working_hours', 'presence', 'active', 'languages', 'out_of_office_until', 'role'])
      .where('id', 'in', ids)
      .execute(),
    db.selectFrom('out_of_office').select(['user_id', 'starts_at', 'ends_at']).where('user_id', 'in', ids).where('ends_at', '>', now).execute(),
    openTicketCounts(db, ids),
  ]);
  for (const person of people as Person[]) {
    if (person.role === 'customer') continue;
    const ranges = away.filter((r) => r.user_id === person.id).map((r) => ({ start: r.starts_at.getTime(), end: r.ends_at.getTime() }));
    if (person.out_of_office_until !== null) ranges.push({ start: Number.MIN_SAFE_INTEGER, end: person.out_of_office_until.getTime() });
    result.set(person.id, {
      id: person.id,
      name: person.name,
      zone: person.zone,
      working_hours: person.working_hours,
      presence: person.presence,
      active: person.active,
      languages: person.languages,
      out_of_office: ranges,
      load: loads.get(person.id) ?? 0,
    });
  }
  return result;
}

/** How many unsolved tickets each of these people has assigned now (people with none are left out). */
export async function openTicketCounts(db: Db, userIds: readonly string[]): Promise<Map<string, number>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('tickets')
    .select(['assignee_id', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('assignee_id', 'in', [...new Set(userIds)])
    .where('status', 'in', [...UNSOLVED])
    .groupBy('assignee_id')
    .execute();
  return new Map(rows.flatMap((row) => (row.assignee_id === null ? [] : [[row.assignee_id, Number(row.n)] as const])));
}

/** A team with its members as candidates; null when the id is null or unknown to the provider. */
export async function loadTeam(db: Db, providerId: string, teamId: string | null, at: number): Promise<RoutingTeam | null> {
  if (teamId === null) return null;
  const team = await db.selectFrom('teams').select(['id', 'name']).where('id', '=', teamId).where('provider_id', '=', providerId).executeTakeFirst();
  return team ? withMembers(db, team, at) : null;
}

/** The provider's round-the-clock team (the first follow-the-sun team by name), or null when it has none. */
export async function loadFollowTheSunTeam(db: Db, providerId: string, at: number): Promise<RoutingTeam | null> {
  const team = await db
    .selectFrom('teams')
    .select(['id', 'name'])
    .where('provider_id', '=', providerId)
    .where('follow_the_sun', '=', true)
    .orderBy('name')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return team ? withMembers(db, team, at) : null;
}

async function withMembers(db: Db, team: { id: string; name: string }, at: number): Promise<RoutingTeam> {
  const members = await db.selectFrom('team_memberships').select('user_id').where('team_id', '=', team.id).execute();
  const candidates = await loadCandidates(db, members.map((m) => m.user_id), at);
  return { id: team.id, name: team.name, members: [...candidates.values()] };
}
