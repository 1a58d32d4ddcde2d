import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../auth/actor.js';
import { IdParams } from '../http/common-schemas.js';
import { respondIdempotently } from '../idempotency/http.js';
import {
  createComponent,
  createGroup,
  deleteComponent,
  deleteGroup,
  listComponents,
  setComponentStatus,
  updateComponent,
  updateGroup,
} from './components.js';
import { getIncident, listIncidents } from './incident-read.js';
import { addIncidentUpdate, changeIncident, createIncident, type IncidentDeps } from './incident-write.js';
import {
  ComponentGroupSchema,
  ComponentListSchema,
  ComponentSchema,
  CreateComponentBody,
  CreateGroupBody,
  CreateIncidentBody,
  CreateUpdateBody,
  IncidentSchema,
  ListIncidentsQuery,
  SetComponentStatusBody,
  UpdateComponentBody,
  UpdateGroupBody,
  UpdateIncidentBody,
} from './schemas.js';

const componentTags = ['status components'];
const tags = ['incidents'];

/** Components and their groups (admin), hand-set status (staff), incidents and maintenance with their updates (staff). */
export const incidentRoutes =
  (deps: IncidentDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const inTransaction = <T>(work: (trx: typeof deps.db) => Promise<T>): Promise<T> => deps.db.transaction().execute(work);

    app.get(
      '/status/components',
      { schema: { tags: componentTags, summary: 'Components in their groups, each with its status now', response: { 200: ComponentListSchema } } },
      async (request) => listComponents(deps.db, requireActor(request)),
    );

    app.post(
      '/status/components',
      { schema: { tags: componentTags, summary: 'Add a component (admin)', body: CreateComponentBody, response: { 201: ComponentSchema } } },
      async (request, reply) => {
        const actor = requireActor(request);
        return respondIdempotently(deps, actor, request, reply, async (trx) => ({ status: 201, body: await createComponent(trx, deps.clock, actor, request.body) }));
      },
    );

    app.patch(
      '/status/components/:id',
      { schema: { tags: componentTags, summary: 'Change a component (admin)', params: IdParams, body: UpdateComponentBody, response: { 200: ComponentSchema } } },
      async (request) => {
        const actor = requireActor(request);
        return inTransaction((trx) => updateComponent(trx, deps.clock, actor, request.params.id, request.body));
      },
    );

    app.delete(
      '/status/components/:id',
      { schema: { tags: componentTags, summary: 'Remove a component and its status history (admin)', params: IdParams, response: { 204: z.undefined() } } },
      async (request, reply) => {
        const actor = requireActor(request);
        await inTransaction((trx) => deleteComponent(trx, actor, request.params.id));
        return reply.code(204).send();
      },
    );

    app.put(
      '/status/components/:id/status',
      {
        schema: {
          tags: componentTags,
          summary: "Set a component's status by hand, outside any incident (staff)",
          description: 'Operational ends the status set by hand; statuses set by incidents stay until they end.',
          params: IdParams,
          body: SetComponentStatusBody,
          response: { 200: ComponentSchema },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        return inTransaction((trx) => setComponentStatus(trx, deps.clock, actor, request.params.id, request.body.status));
      },
    );

    app.post(
      '/status/component-groups',
      { schema: { tags: componentTags, summary: 'Add a component group (admin)', body: CreateGroupBody, response: { 201: ComponentGroupSchema } } },
      async (request, reply) => {
        const actor = requireActor(request);
        return respondIdempotently(deps, actor, request, reply, async (trx) => ({ status: 201, body: await createGroup(trx, deps.clock, actor, request.body) }));
      },
    );

    app.patch(
      '/status/component-groups/:id',
      { schema: { tags: componentTags, summary: 'Change a component group (admin)', params: IdParams, body: UpdateGroupBody, response: { 200: ComponentGroupSchema } } },
      async (request) => {
        const actor = requireActor(request);
        return inTransaction((trx) => updateGroup(trx, deps.clock, actor, request.params.id, request.body));
      },
    );

    app.delete(
      '/status/component-groups/:id',
      { schema: { tags: componentTags, summary: 'Remove a component group; its components stay, ungrouped (admin)', params: IdParams, response: { 204: z.undefined() } } },
      async (request, reply) => {
        const actor = requireActor(request);
        await inTransaction((trx) => deleteGroup(trx, actor, request.params.id));
        return reply.code(204).send();
      },
    );

    app.get(
      '/incidents',
      { schema: { tags, summary: 'Incidents and maintenance, newest first (staff)', querystring: ListIncidentsQuery, response: { 200: z.object({ items: z.array(IncidentSchema) }) } } },
      async (request) => listIncidents(deps.db, requireActor(request), request.query, deps.publicUrl),
    );

    app.get(
      '/incidents/:id',
      { schema: { tags, summary: 'An incident or maintenance with its updates (staff)', params: IdParams, response: { 200: IncidentSchema } } },
      async (request) => getIncident(deps.db, requireActor(request), request.params.id, deps.publicUrl),
    );

    app.post(
      '/incidents',
      {
        schema: {
          tags,
          summary: 'Open an incident or announce maintenance (staff)',
          description:
            'The components given take the statuses given from now on (maintenance: under_maintenance while in progress). A draft stays off the public page and notifies nobody until it is published.',
          body: CreateIncidentBody,
          response: { 201: IncidentSchema },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        return respondIdempotently(deps, actor, request, reply, async (trx) => ({ status: 201, body: await createIncident(deps, trx, actor, request.body) }));
      },
    );

    app.post(
      '/incidents/:id/updates',
      {
        schema: {
          tags,
          summary: 'Post an update: new status, components, text (staff)',
          description: 'Resolving (or completing maintenance) ends every status the incident set. With reply_on_linked_tickets the text is also a public reply on each linked ticket.',
          params: IdParams,
          body: CreateUpdateBody,
          response: { 200: IncidentSchema },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        return respondIdempotently(deps, actor, request, reply, async (trx) => ({ status: 200, body: await addIncidentUpdate(deps, trx, actor, request.params.id, request.body) }));
      },
    );

    app.patch(
      '/incidents/:id',
      { schema: { tags, summary: 'Rename, change the impact, or publish a draft (staff)', params: IdParams, body: UpdateIncidentBody, response: { 200: IncidentSchema } } },
      async (request) => {
        const actor = requireActor(request);
        return inTransaction((trx) => changeIncident(deps, trx, actor, request.params.id, request.body));
      },
    );
  };
