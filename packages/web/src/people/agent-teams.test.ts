import { describe, expect, it } from 'vitest';
import type { Team } from '../api/types.js';
import { membersWith, teamsToChange } from './agent-teams.js';

const team = (id: string, member_ids: string[]): Team => ({ id, name: id, description: null, follow_the_sun: false, member_ids, created_at: '2026-01-05T09:00:00.000Z', updated_at: '2026-01-05T09:00:00.000Z' });

describe("an agent's teams", () => {
  it('adds or removes only that person, and leaves a team alone when nothing changes', () => {
    expect(membersWith(team('t', ['a', 'b']), 'c', true)).toEqual(['a', 'b', 'c']);
    expect(membersWith(team('t', ['a', 'b', 'c']), 'b', false)).toEqual(['a', 'c']);
    expect(membersWith(team('t', ['a', 'b']), 'a', true)).toBeNull();
    expect(membersWith(team('t', ['a']), 'b', false)).toBeNull();
  });

  it('finds the teams to change: joined and left', () => {
    const teams = [team('night', ['a']), team('emea', ['b']), team('tams', ['x', 'b'])];
    expect(teamsToChange(teams, 'b', new Set(['night', 'emea'])).map((t) => t.id)).toEqual(['night', 'tams']);
    expect(teamsToChange(teams, 'b', new Set(['emea', 'tams']))).toEqual([]);
  });
});
