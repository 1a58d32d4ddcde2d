/**
 * The shapes of components and incidents as the API sends them: the generated contract
 * (schema.gen.ts), never a copy.
 */
import type { components, paths } from '../api/schema.gen.js';

type Schemas = components['schemas'];

export type StatusComponentGroup = Schemas['StatusComponentGroup'];
export type StatusComponent = Schemas['StatusComponent'];
export type ComponentStatus = StatusComponent['status'];
/** `GET /api/v1/incidents/:id`: an incident or a maintenance with its updates, newest first. */
export type Incident = Schemas['Incident'];
export type IncidentKind = Incident['kind'];
export type IncidentUpdate = Schemas['IncidentUpdate'];

type JsonAnswer<T> = T extends { responses: { 200: { content: { 'application/json': infer B } } } } ? B : never;
type Items<T> = T extends { items: (infer I)[] } ? I : never;

/** `GET /api/v1/incidents/:id/tickets`. */
export type LinkedTicket = Items<JsonAnswer<paths['/api/v1/incidents/{id}/tickets']['get']>>;
/** `GET /api/v1/tickets/:id/incidents`: customers see published incidents only, and the RFO once published. */
export type TicketIncident = Items<JsonAnswer<paths['/api/v1/tickets/{id}/incidents']['get']>>;
/** `GET /api/v1/status/active-incidents`. */
export type ActiveIncident = Items<JsonAnswer<paths['/api/v1/status/active-incidents']['get']>>;
/** What became of asking for the RFO, per linked incident. */
export type RfoRequestOutcome = Items<JsonAnswer<paths['/api/v1/tickets/{id}/rfo-request']['post']>>['outcome'];
