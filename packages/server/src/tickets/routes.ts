import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../auth/actor.js';
import { IdParams } from '../http/common-schemas.js';
import type { AppDeps } from '../http/deps.js';
import { pageOf } from '../http/pagination.js';
import { respondIdempotently } from '../idempotency/http.js';
import { getVisibleTicket } from './access.js';
import { explainTicketTarget } from './clocks.js';
import { requestLocale, varyOnLanguage } from '../http/error-language.js';
import { describeClosed } from '../sla/explain-text.js';
import { acknowledgeTicket, reclassifyTicket, updateTicket } from './commands.js';
import { addComment, listComments } from './comments.js';
import { createTicket } from './create.js';
import { loadTicketFacts } from './facts.js';
import { listEvents } from './events.js';
import { listTickets, queue, viewTicket } from './list.js';
import {
  CommentSchema,
  CreateCommentBody,
  CreateTicketBody,
  EventSchema,
  ExplanationSchema,
  ListTicketsQuery,
  QueueQuery,
  ReclassifyBody,
  TargetParams,
  TicketSchema,
  UpdateTicketBody,
} from './schemas.js';

const tags = ['tickets'];

export const ticketRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/tickets',
      { schema: { tags, summary: 'List tickets (newest first) with filters and full-text search', querystring: ListTicketsQuery, response: { 200: pageOf(TicketSchema) } } },
      async (request) => listTickets(deps, requireActor(request), request.query),
    );

    app.get(
      '/queue',
      { schema: { tags, summary: 'Unsolved tickets ordered by time to breach', querystring: QueueQuery, response: { 200: pageOf(TicketSchema) } } },
      async (request) => queue(deps, requireActor(request), request.query),
    );

    app.post(
      '/tickets',
      { schema: { tags, summary: 'Open a ticket (its SLA targets are computed at once)', body: CreateTicketBody, response: { 201: TicketSchema } } },
      async (request, reply) => {
        const actor = requireActor(request);
        // createTicket writes the ticket, its audit entries, targets, timers and notifications in one statement
        // shared with the tickets opened at the same moment, and the record of an Idempotency-Key with them.
        return respondIdempotently(deps, actor, request, reply, async (db, record) => ({
          status: 201,
          body: await createTicket(deps, db, actor, request.body, record && ((body) => record({ status: 201, body })), requestLocale(request)),
        }), { recordsItself: true });
      },
    );

    app.get('/tickets/:id', { schema: { tags, summary: 'Get a ticket with its SLA targets', params: IdParams, response: { 200: TicketSchema } } }, async (request) =>
      viewTicket(deps, requireActor(request), request.params.id),
    );

    app.patch(
      '/tickets/:id',
      { schema: { tags, summary: 'Change status, assignment, fields or intake values', params: IdParams, body: UpdateTicketBody, response: { 200: TicketSchema } } },
      async (request) => {
        const actor = requireActor(request);
        return deps.db.transaction().execute((trx) => updateTicket(deps, trx, actor, request.params.id, request.body, requestLocale(request)));
      },
    );

    app.post(
      '/tickets/:id/reclassify',
      { schema: { tags, summary: 'Change the priority with a reason (agents); targets are recomputed from the original start', params: IdParams, body: ReclassifyBody, response: { 200: TicketSchema } } },
      async (request) => {
        const actor = requireActor(request);
        return deps.db.transaction().execute((trx) => reclassifyTicket(deps, trx, actor, request.params.id, request.body));
      },
    );

    app.post(
      '/tickets/:id/acknowledge',
      { schema: { tags, summary: 'Acknowledge the ticket (agents): meets the acknowledgment target', params: IdParams, response: { 200: TicketSchema } } },
      async (request, reply) => {
        const actor = requireActor(request);
        return respondIdempotently(deps, actor, request, reply, async (trx) => ({
          status: 200,
          body: await acknowledgeTicket(deps, trx, actor, request.params.id),
        }));
      },
    );

    app.get(
      '/tickets/:id/comments',
      { schema: { tags, summary: 'The conversation (customers see public replies only)', params: IdParams, response: { 200: z.object({ items: z.array(CommentSchema) }) } } },
      async (request) => ({ items: await listComments(deps.db, requireActor(request), request.params.id) }),
    );

    app.post(
      '/tickets/:id/comments',
      { schema: { tags, summary: 'Reply publicly or add an internal note', params: IdParams, body: CreateCommentBody, response: { 201: CommentSchema } } },
      async (request, reply) => {
        const actor = requireActor(request);
        return respondIdempotently(deps, actor, request, reply, async (trx) => ({
          status: 201,
          body: await addComment(deps, trx, actor, request.params.id, request.body),
        }));
      },
    );

    app.get(
      '/tickets/:id/events',
      { schema: { tags, summary: 'The audit history: who changed what, when, before and after', params: IdParams, response: { 200: z.object({ items: z.array(EventSchema) }) } } },
      async (request) => ({ items: await listEvents(deps.db, requireActor(request), request.params.id) }),
    );

    app.get(
      '/tickets/:id/targets/:metric/explain',
      { schema: { tags, summary: "Why a target's due time is what it is: open segments and closed periods", params: TargetParams, response: { 200: ExplanationSchema } } },
      async (request, reply) => {
        const ticket = await getVisibleTicket(deps.db, requireActor(request), request.params.id);
        const facts = await loadTicketFacts(deps.db, ticket);
        const explained = explainTicketTarget(deps.registry, ticket, facts, request.params.metric, deps.clock.now());
        const locale = requestLocale(request);
        varyOnLanguage(reply);
        return { ...explained, closed: explained.closed.map((c) => ({ ...c, ...describeClosed(locale, c, explained.zone) })) };
      },
    );
  };
