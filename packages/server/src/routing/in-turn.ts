import type { Kysely } from 'kysely';
import { lockNamesForTransaction, ROUTING_NAMESPACE } from '../db/advisory-lock.js';
import type { Database } from '../db/schema.js';
import { openTicketCounts } from './candidates.js';
import { candidatesOf, decideRoute, dependsOnLoad, poolOf, type RoutingDecision, type RoutingInput, withLoads } from './decide.js';

/** One routing to decide: whom it may go to, at which moment. */
export interface RoutingRequest {
  input: RoutingInput;
  at: number;
}

/** Whether any of these routings picks by load, so it must be decided in turn (in a transaction). */
export function needsTurn(requests: readonly (RoutingRequest | null)[]): boolean {
  return requests.some((r) => r !== null && dependsOnLoad(decideRoute(r.input, r.at)));
}

/**
 * Decides routings so that least-loaded choices count every choice made before them: those of the same
 * call (each ticket adds to its assignee's load for the next), and those of concurrent requests in this
 * and other processes. For that it locks each weighed team for the rest of the caller's transaction and
 * only then reads the loads, so whoever routed to the team before has committed its tickets and they
 * are counted. The tickets must be written in that same transaction. Routings that do not weigh loads
 * (an account manager at work, a queue) take no lock.
 */
export async function decideInTurn(db: Kysely<Database>, requests: readonly (RoutingRequest | null)[]): Promise<(RoutingDecision | null)[]> {
  const first = requests.map((r) => (r === null ? null : decideRoute(r.input, r.at)));
  const weighed = requests.filter((r, i): r is RoutingRequest => r !== null && dependsOnLoad(first[i]!));
  if (weighed.length === 0) return first;
  await lockNamesForTransaction(db, ROUTING_NAMESPACE, weighed.map((r) => poolOf(r.input)!.id));
  const everyone = requests.flatMap((r) => (r === null ? [] : candidatesOf(r.input).map((c) => c.id)));
  const loads = await openTicketCounts(db, everyone);
  return requests.map((r) => {
    if (r === null) return null;
    const decision = decideRoute(withLoads(r.input, loads), r.at);
    if (decision.assignee_id !== null) loads.set(decision.assignee_id, (loads.get(decision.assignee_id) ?? 0) + 1);
    return decision;
  });
}
