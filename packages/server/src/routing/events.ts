import type { RoutingDecision } from './decide.js';

export const ROUTED_EVENT = 'routed';
export const REROUTED_EVENT = 'rerouted';

/** The audit entry of a routing decision: whom the ticket went to, by which rule, and why. */
export function routingEventOf(ticketId: string, actorId: string | null, decision: RoutingDecision, at: Date) {
  return {
    ticket_id: ticketId,
    actor_id: actorId,
    type: ROUTED_EVENT,
    before: null,
    after: JSON.stringify({ assignee_id: decision.assignee_id, team_id: decision.team_id, rule: decision.rule }),
    reason: decision.reason,
    at,
  };
}
