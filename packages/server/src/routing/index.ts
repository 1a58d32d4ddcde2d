export { routingRoutes } from './routes.js';
export { decideRoute, unavailability, type Candidate, type RoutingDecision, type RoutingInput, type RoutingRule, type RoutingTeam } from './decide.js';
export { workingStateAt, type WorkingState, type WorkingTime } from './schedule.js';
export { routeFor, routingInputFor, hasAccountManagers } from './assign.js';
export { decideInTurn, needsTurn, type RoutingRequest } from './in-turn.js';
export { rerouteUnattended, type ReroutedTicket } from './reroute.js';
export { rerouteIfUnavailable } from './availability.js';
export { routeCall, type CallRoute } from './phone.js';
export { routingEventOf, ROUTED_EVENT, REROUTED_EVENT } from './events.js';

