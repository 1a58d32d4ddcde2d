import { http, ok } from '../api/http.js';
import type { Team } from '../api/types.js';

/** The member list a team gets so that `personId` is in it exactly when `member` is true; null when it is already so. */
export function membersWith(team: Team, personId: string, member: boolean): string[] | null {
  const has = team.member_ids.includes(personId);
  if (has === member) return null;
  return member ? [...team.member_ids, personId] : team.member_ids.filter((id) => id !== personId);
}

/** The teams whose membership differs from `chosen` for `personId`. */
export function teamsToChange(teams: readonly Team[], personId: string, chosen: ReadonlySet<string>): Team[] {
  return teams.filter((t) => membersWith(t, personId, chosen.has(t.id)) !== null);
}

/**
 * Puts `personId` in exactly the `chosen` teams (`PATCH /api/v1/teams/:id` replaces a team's member
 * list, so each team is read again first and only this person is added or removed). Returns every team, updated.
 */
export async function saveTeamsOf(personId: string, teams: readonly Team[], chosen: ReadonlySet<string>): Promise<Team[]> {
  const updated = new Map<string, Team>();
  for (const team of teamsToChange(teams, personId, chosen)) {
    const fresh = await ok(http.GET('/api/v1/teams/{id}', { params: { path: { id: team.id } } }));
    const member_ids = membersWith(fresh, personId, chosen.has(team.id));
    updated.set(team.id, member_ids === null ? fresh : await ok(http.PATCH('/api/v1/teams/{id}', { params: { path: { id: team.id } }, body: { member_ids } })));
  }
  return teams.map((t) => updated.get(t.id) ?? t);
}
