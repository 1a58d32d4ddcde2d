import type { Presence } from '../db/schema.js';
import { workingStateAt, type WorkingState, type WorkingTime } from './schedule.js';

/** An agent as routing weighs them. */
export interface Candidate extends WorkingTime {
  id: string;
  name: string;
  presence: Presence;
  active: boolean;
  languages: readonly string[];
  /** Unsolved tickets assigned to them now. */
  load: number;
}

export interface RoutingTeam {
  id: string;
  name: string;
  members: readonly Candidate[];
}

export type RoutingRule =
  | 'primary_manager'
  | 'secondary_manager'
  | 'follow_the_sun'
  | 'follow_the_sun_queue'
  | 'team_language'
  | 'team_member'
  | 'team_queue'
  | 'unassigned';

/** Whom a ticket (or a call) goes to, and why, in words a person can read in the audit trail. */
export interface RoutingDecision {
  assignee_id: string | null;
  team_id: string | null;
  rule: RoutingRule;
  reason: string;
}

export interface PersonalizedInput {
  kind: 'personalized';
  primary: Candidate | null;
  secondary: Candidate | null;
  followTheSun: RoutingTeam | null;
}

export interface TeamInput {
  kind: 'team';
  team: RoutingTeam | null;
  language: string;
}

export type RoutingInput = (PersonalizedInput | TeamInput) & {
  /** People who must not be chosen (the assignee who just went offline, say). */
  exclude?: readonly string[];
};

/** The rules that pick the least-loaded person, so their choice depends on everybody's open tickets. */
const LOAD_RULES: ReadonlySet<RoutingRule> = new Set(['follow_the_sun', 'team_language', 'team_member']);

/** Whether the decision weighed loads (and so must see every choice made before it). */
export function dependsOnLoad(decision: RoutingDecision): boolean {
  return LOAD_RULES.has(decision.rule);
}

/** The team whose members routing may weigh by load, or null. */
export function poolOf(input: RoutingInput): RoutingTeam | null {
  return input.kind === 'team' ? input.team : input.followTheSun;
}

/** Everyone the input names as a candidate. */
export function candidatesOf(input: RoutingInput): Candidate[] {
  const people = input.kind === 'team' ? [] : [input.primary, input.secondary].filter((p): p is Candidate => p !== null);
  return [...people, ...(poolOf(input)?.members ?? [])];
}

/** The same input with every candidate's load taken from `loads` (absent: no open tickets). */
export function withLoads(input: RoutingInput, loads: ReadonlyMap<string, number>): RoutingInput {
  const person = (p: Candidate): Candidate => ({ ...p, load: loads.get(p.id) ?? 0 });
  const team = (t: RoutingTeam | null): RoutingTeam | null => (t === null ? null : { ...t, members: t.members.map(person) });
  if (input.kind === 'team') return { ...input, team: team(input.team) };
  return { ...input, primary: input.primary && person(input.primary), secondary: input.secondary && person(input.secondary), followTheSun: team(input.followTheSun) };
}

/** Why a person cannot take work now, or null when they can. */
export function unavailability(person: Candidate, at: number, exclude: readonly string[] = []): string | null {
  if (exclude.includes(person.id)) return `${person.name} is being routed away from`;
  if (!person.active) return `${person.name} is deactivated`;
  const state = workingStateAt(person, at);
  if (!state.working) return `${person.name} ${notWorking(state)}`;
  if (person.presence !== 'available') return `${person.name} is ${person.presence}`;
  return null;
}

function notWorking(state: Exclude<WorkingState, { working: true }>): string {
  switch (state.why) {
    case 'out_of_office':
      return `is out of office until ${new Date(state.until).toISOString()}`;
    case 'outside_hours':
      return 'is outside working hours';
    case 'no_hours':
      return 'has no working hours set';
    case 'invalid_hours':
      return 'has working hours that cannot be read';
  }
}

/** The least-loaded of the people available now, ties broken by name then id so the choice is stable. */
function leastLoaded(people: readonly Candidate[]): Candidate | null {
  const sorted = [...people].sort((a, b) => a.load - b.load || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return sorted[0] ?? null;
}

/**
 * Decides whom a new ticket goes to at `at`. Personalized accounts: the primary account manager when
 * at work and available, else the secondary, else the least-loaded available member of the 24x7
 * follow-the-sun team in their hours, else that team's queue. Other accounts: the least-loaded
 * available member of the account's team in hours who speaks the ticket's language, else any available
 * member in hours, else the team's queue (unassigned).
 */
export function decideRoute(input: RoutingInput, at: number): RoutingDecision {
  const exclude = input.exclude ?? [];
  const free = (people: readonly Candidate[]) => people.filter((p) => unavailability(p, at, exclude) === null);
  if (input.kind === 'personalized') {
    const why: string[] = [];
    for (const [person, rule, label] of [
      [input.primary, 'primary_manager', 'primary account manager'],
      [input.secondary, 'secondary_manager', 'secondary account manager'],
    ] as const) {
      if (person === null) {
        why.push(`no ${label} is set`);
        continue;
      }
      const blocked = unavailability(person, at, exclude);
      if (blocked === null) return { assignee_id: person.id, team_id: null, rule, reason: `${person.name} is the ${label}, at work and available${why.length ? ` (${why.join('; ')})` : ''}.` };
      why.push(blocked);
    }
    const team = input.followTheSun;
    if (team === null) return { assignee_id: null, team_id: null, rule: 'unassigned', reason: `${why.join('; ')}; no follow-the-sun team exists, so the ticket waits in the queue.` };
    const engineer = leastLoaded(free(team.members));
    if (engineer) {
      return { assignee_id: engineer.id, team_id: team.id, rule: 'follow_the_sun', reason: `${why.join('; ')}: ${engineer.name} of ${team.name} is at work and available with the fewest open tickets (${engineer.load}).` };
    }
    return { assignee_id: null, team_id: team.id, rule: 'follow_the_sun_queue', reason: `${why.join('; ')}; nobody in ${team.name} is at work and available, so the ticket waits in the team's queue.` };
  }
  const team = input.team;
  if (team === null) return { assignee_id: null, team_id: null, rule: 'unassigned', reason: 'The account has no support team, so the ticket waits in the general queue.' };
  const available = free(team.members);
  const speakers = available.filter((p) => p.languages.includes(input.language));
  const bySpeaker = leastLoaded(speakers);
  if (bySpeaker) {
    return { assignee_id: bySpeaker.id, team_id: team.id, rule: 'team_language', reason: `${bySpeaker.name} of ${team.name} speaks ${input.language}, is at work and available with the fewest open tickets (${bySpeaker.load}).` };
  }
  const anyone = leastLoaded(available);
  if (anyone) {
    return { assignee_id: anyone.id, team_id: team.id, rule: 'team_member', reason: `Nobody available in ${team.name} speaks ${input.language}; ${anyone.name} is at work and available with the fewest open tickets (${anyone.load}).` };
  }
  return { assignee_id: null, team_id: team.id, rule: 'team_queue', reason: `Nobody in ${team.name} is at work and available, so the ticket waits in the team's queue.` };
}
