import type { Presence } from '../db/schema.js';
import { DEFAULT_LOCALE } from '../i18n/index.js';
import { workingStateAt, type WorkingState, type WorkingTime } from './schedule.js';
import type { Blocker, ManagerRole, RoutingRule, RoutingWhy } from '../assignment-reasons/why.js';
import { routingReasonIn } from '../assignment-reasons/text.js';

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

export type { RoutingRule };

/** Whom a ticket (or a call) goes to, and why, in words a person can read in the audit trail. */
export interface RoutingDecision {
  assignee_id: string | null;
  team_id: string | null;
  rule: RoutingRule;
  /** Why, in English (the audit trail's words). */
  reason: string;
  /** Why, as data, for phrasing in each reader's language. */
  why: RoutingWhy;
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
export function unavailability(person: Candidate, at: number, exclude: readonly string[] = []): Blocker | null {
  const name = person.name;
  if (exclude.includes(person.id)) return { kind: 'routed_away', name };
  if (!person.active) return { kind: 'deactivated', name };
  const state = workingStateAt(person, at);
  if (!state.working) return notWorking(name, state);
  if (person.presence !== 'available') return { kind: 'presence', name, presence: person.presence };
  return null;
}

function notWorking(name: string, state: Exclude<WorkingState, { working: true }>): Blocker {
  switch (state.why) {
    case 'out_of_office':
      return { kind: 'out_of_office', name, until: new Date(state.until).toISOString() };
    case 'outside_hours':
    case 'no_hours':
    case 'invalid_hours':
      return { kind: state.why, name };
  }
}

/** A decision with its reason in English, from the reason as data. */
function decided(assignee_id: string | null, team_id: string | null, why: RoutingWhy): RoutingDecision {
  return { assignee_id, team_id, rule: why.rule, reason: routingReasonIn(DEFAULT_LOCALE, why), why };
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
    const blockers: Blocker[] = [];
    for (const [person, rule, role] of [
      [input.primary, 'primary_manager', 'primary'],
      [input.secondary, 'secondary_manager', 'secondary'],
    ] as const satisfies readonly (readonly [Candidate | null, RoutingRule, ManagerRole])[]) {
      if (person === null) {
        blockers.push({ kind: 'unset', role });
        continue;
      }
      const blocked = unavailability(person, at, exclude);
      if (blocked === null) return decided(person.id, null, { rule, blockers, person: person.name, role });
      blockers.push(blocked);
    }
    const team = input.followTheSun;
    if (team === null) return decided(null, null, { rule: 'unassigned', blockers });
    const engineer = leastLoaded(free(team.members));
    if (engineer) return decided(engineer.id, team.id, { rule: 'follow_the_sun', blockers, person: engineer.name, team: team.name, load: engineer.load });
    return decided(null, team.id, { rule: 'follow_the_sun_queue', blockers, team: team.name });
  }
  const team = input.team;
  if (team === null) return decided(null, null, { rule: 'unassigned', blockers: [] });
  const available = free(team.members);
  const speakers = available.filter((p) => p.languages.includes(input.language));
  const bySpeaker = leastLoaded(speakers);
  const language = input.language;
  if (bySpeaker) return decided(bySpeaker.id, team.id, { rule: 'team_language', blockers: [], person: bySpeaker.name, team: team.name, language, load: bySpeaker.load });
  const anyone = leastLoaded(available);
  if (anyone) return decided(anyone.id, team.id, { rule: 'team_member', blockers: [], person: anyone.name, team: team.name, language, load: anyone.load });
  return decided(null, team.id, { rule: 'team_queue', blockers: [], team: team.name });
}
