import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../auth/actor.js';
import { IdParams } from '../http/common-schemas.js';
import { respondIdempotently } from '../idempotency/http.js';
import { accountComponents, setAccountComponents } from './account-components.js';
import type { IncidentDeps } from './incident-write.js';
import { publishRfo, putRfo, requestRfo } from './rfo.js';
import { ComponentIdsBody, ComponentStatusSchema, ImpactSchema, IncidentSchema, IncidentStatusSchema, PutRfoBody } from './schemas.js';
import { activeIncidents, linkTicket, listLinkedTickets, ticketIncidents, unlinkTicket } from './ticket-links.js';

const tags = ['incidents'];

const LinkedTicketsSchema = z.object({
  items: z.array(z.object({ id: z.uuid(), number: z.number().int(), subject: z.string(), status: z.string(), account: z.object({ id: z.uuid(), name: z.string() }) })),
});

const TicketIncidentsSchema = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      status: IncidentStatusSchema,
      impact: ImpactSchema,
      public_url: z.string(),
      rfo: z.object({ html: z.string(), published_at: z.string().nullable() }).nullable().describe('Customers see it once it is published.'),
    }),
  ),
});

const ActiveIncidentsSchema = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      impact: ImpactSchema,
      status: IncidentStatusSchema,
      started_at: z.string(),
      public_url: z.string(),
      components: z.array(z.object({ key: z.string(), name: z.string(), status: ComponentStatusSchema })),
    }),
  ),
});

const AccountComponentsSchema = z.object({ items: z.array(z.object({ id: z.uuid(), key: z.string(), name: z.string(), status: ComponentStatusSchema })) });

const RfoRequestSchema = z.object({
  items: z.array(
    z.object({
      incident_id: z.uuid(),
      name: z.string(),
      outcome: z
        .enum(['sent', 'already_sent', 'requested', 'already_requested'])
        .describe('sent: added as a public reply now; requested: it will be sent on this ticket when it is published.'),
    }),
  ),
});

/** Incidents meet tickets: links, a ticket's incidents, the portal's known-issue banner, RFOs, the accounts' components. */
export const incidentTicketRoutes =
  (deps: IncidentDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const inTransaction = <T>(work: (trx: typeof deps.db) => Promise<T>): Promise<T> => deps.db.transaction().execute(work);

    app.get(
      '/incidents/:id/tickets',
      { schema: { tags, summary: 'The tickets linked to an incident (staff)', params: IdParams, response: { 200: LinkedTicketsSchema } } },
      async (request) => listLinkedTickets(deps.db, requireActor(request), request.params.id),
    );

    app.post(
      '/incidents/:id/tickets',
      {
        schema: {
          tags,
          summary: 'Link a ticket to an incident (staff)',
          description: 'Names the ticket by its id (`ticket_id`) or by its number (`ticket_number`, as in #123).',
          params: IdParams,
          body: z.union([
            z.strictObject({ ticket_id: z.uuid('Must be an id (a UUID).') }),
            z.strictObject({ ticket_number: z.number().int('Must be a whole number.').positive('Must be a ticket number (1 or more).').max(2_147_483_647, 'No ticket has so large a number.') }),
          ]),
          response: { 200: LinkedTicketsSchema },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        return inTransaction((trx) => linkTicket(trx, deps.clock, actor, request.params.id, request.body));
      },
    );

    app.delete(
      '/incidents/:id/tickets/:ticketId',
      {
        schema: {
          tags,
          summary: 'Unlink a ticket from an incident (staff)',
          params: z.strictObject({ id: z.uuid('Must be an id (a UUID).'), ticketId: z.uuid('Must be an id (a UUID).') }),
          response: { 204: z.undefined() },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        await inTransaction((trx) => unlinkTicket(trx, deps.clock, actor, request.params.id, request.params.ticketId));
        return reply.code(204).send();
      },
    );

    app.put(
      '/incidents/:id/rfo',
      { schema: { tags, summary: 'Write the reason for outage of a resolved incident, in Markdown (staff)', params: IdParams, body: PutRfoBody, response: { 200: IncidentSchema } } },
      async (request) => {
        const actor = requireActor(request);
        return inTransaction((trx) => putRfo(deps, trx, actor, request.params.id, request.body.markdown));
      },
    );

    app.post(
      '/incidents/:id/rfo/publish',
      {
        schema: {
          tags,
          summary: 'Publish the reason for outage and relay it on the tickets (staff)',
          description:
            'Relayed once per ticket as a public reply: on linked tickets, on the unsolved tickets of accounts that use an affected component, and on tickets that asked for it.',
          params: IdParams,
          response: { 200: IncidentSchema },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        return respondIdempotently(deps, actor, request, reply, async (trx) => ({ status: 200, body: await publishRfo(deps, trx, actor, request.params.id) }));
      },
    );

    app.get(
      '/tickets/:id/incidents',
      { schema: { tags, summary: "A ticket's incidents (customers see published ones)", params: IdParams, response: { 200: TicketIncidentsSchema } } },
      async (request) => ticketIncidents(deps.db, requireActor(request), request.params.id, deps.publicUrl),
    );

    app.post(
      '/tickets/:id/rfo-request',
      {
        schema: {
          tags,
          summary: 'Ask for the reason for outage of the incidents linked to this ticket',
          description: 'Sent at once as a public reply where it is published; otherwise the request is recorded and answered when it is.',
          params: IdParams,
          body: z.strictObject({ incident_id: z.uuid('Must be an id (a UUID).').optional().describe('Only this linked incident.') }).nullish(),
          response: { 200: RfoRequestSchema },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        return respondIdempotently(deps, actor, request, reply, async (trx) => ({ status: 200, body: await requestRfo(deps, trx, actor, request.params.id, request.body?.incident_id) }));
      },
    );

    app.get(
      '/status/active-incidents',
      {
        schema: {
          tags,
          summary: 'Published, unresolved incidents on the components that serve a product',
          querystring: z.strictObject({ product: z.string().trim().min(1).max(100).optional().describe('An intake form id; all active incidents when left out.') }),
          response: { 200: ActiveIncidentsSchema },
        },
      },
      async (request) => activeIncidents(deps.db, requireActor(request), request.query.product, deps.publicUrl),
    );

    app.get(
      '/accounts/:id/components',
      { schema: { tags: ['accounts'], summary: 'The components an account uses', params: IdParams, response: { 200: AccountComponentsSchema } } },
      async (request) => accountComponents(deps.db, requireActor(request), request.params.id),
    );

    app.put(
      '/accounts/:id/components',
      { schema: { tags: ['accounts'], summary: 'Set the components an account uses (admin)', params: IdParams, body: ComponentIdsBody, response: { 200: AccountComponentsSchema } } },
      async (request) => {
        const actor = requireActor(request);
        return inTransaction((trx) => setAccountComponents(trx, actor, request.params.id, request.body.component_ids));
      },
    );
  };
