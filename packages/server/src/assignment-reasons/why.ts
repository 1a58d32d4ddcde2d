import type { Presence } from '../db/schema.js';

/**
 * Why routing chose as it did, as data: the rule that decided, the people and team it names, and
 * why the people tried first could not take the ticket. Phrased for each reader in their language
 * (`routingReasonIn`); stored with the assignment so an email tells its recipient in theirs.
 */
export interface RoutingWhy {
  rule: RoutingRule;
  /** Why the people tried before the chosen one could not take the ticket, in the order tried. */
  blockers: Blocker[];
  /** The person chosen. */
  person?: string;
  /** Which account manager the person is. */
  role?: ManagerRole;
  team?: string;
  /** The ticket's language (a tag such as `de`). */
  language?: string;
  /** The chosen person's open tickets. */
  load?: number;
  /** The person the ticket was routed away from, when it was, and why (`until`: the end of their absence, empty when they went offline). */
  rerouted?: { name: string; cause: RerouteCause; until: string };
}

/** The rule that chose the assignee (or left the ticket in a queue). */
export type RoutingRule =
  | 'primary_manager'
  | 'secondary_manager'
  | 'follow_the_sun'
  | 'follow_the_sun_queue'
  | 'team_language'
  | 'team_member'
  | 'team_queue'
  | 'unassigned';

export type ManagerRole = 'primary' | 'secondary';

/** `set`: their out-of-office range was entered now; `began`: a range they had entered began; `offline`: they went offline. */
export type RerouteCause = 'set' | 'began' | 'offline';

export type Blocker =
  | { kind: 'unset'; role: ManagerRole }
  | { kind: 'routed_away' | 'deactivated' | 'outside_hours' | 'no_hours' | 'invalid_hours'; name: string }
  | { kind: 'out_of_office'; name: string; until: string }
  | { kind: 'presence'; name: string; presence: Exclude<Presence, 'available'> };

/** Whether a stored value is a routing explanation this version can phrase (older rows carry only words). */
export function isRoutingWhy(value: unknown): value is RoutingWhy {
  if (value === null || typeof value !== 'object') return false;
  const why = value as Record<string, unknown>;
  return typeof why.rule === 'string' && Array.isArray(why.blockers) && why.blockers.every((b) => b !== null && typeof b === 'object' && typeof (b as { kind?: unknown }).kind === 'string');
}
