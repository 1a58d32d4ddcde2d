/** The bodies the console sends, as the API's contract declares them. */
import type { paths } from '../api/schema.gen.js';

type JsonBody<T> = T extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;

export type NewIncident = JsonBody<paths['/api/v1/incidents']['post']>;
export type NewIncidentUpdate = JsonBody<paths['/api/v1/incidents/{id}/updates']['post']>;
export type IncidentChange = JsonBody<paths['/api/v1/incidents/{id}']['patch']>;
export type NewComponent = JsonBody<paths['/api/v1/status/components']['post']>;
export type ComponentChange = JsonBody<paths['/api/v1/status/components/{id}']['patch']>;
export type NewComponentGroup = JsonBody<paths['/api/v1/status/component-groups']['post']>;
