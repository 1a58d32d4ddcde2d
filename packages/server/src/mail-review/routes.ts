import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../auth/actor.js';
import { IdParams } from '../http/common-schemas.js';
import type { AppDeps } from '../http/deps.js';
import { pageOf } from '../http/pagination.js';
import { ListSuspendedQuery, SuspendedMailDetailSchema, SuspendedMailSchema } from './schemas.js';
import { acceptSuspendedMail, discardSuspendedMail, getSuspendedMail, listSuspendedMail } from './service.js';

/** Suspended mail: inbound mail that failed authentication, for staff to accept or discard. */
export const mailReviewRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['suspended mail'];
    app.get(
      '/suspended-mail',
      {
        schema: {
          tags,
          summary: 'Inbound mail that failed SPF/DKIM/DMARC, newest first, with the reason (staff)',
          querystring: ListSuspendedQuery,
          response: { 200: pageOf(SuspendedMailSchema) },
        },
      },
      async (request) => listSuspendedMail(deps.db, requireActor(request), request.query),
    );
    app.get(
      '/suspended-mail/:id',
      { schema: { tags, summary: 'One suspended mail with its text and file names (staff)', params: IdParams, response: { 200: SuspendedMailDetailSchema } } },
      async (request) => getSuspendedMail(deps.db, requireActor(request), request.params.id),
    );
    app.post(
      '/suspended-mail/:id/accept',
      {
        schema: {
          tags,
          summary: 'Apply a suspended customer mail as if it had passed: open the ticket or add the reply (staff); mail from staff addresses cannot be accepted',
          params: IdParams,
          response: { 200: SuspendedMailSchema },
        },
      },
      async (request) => acceptSuspendedMail(deps, requireActor(request), request.params.id),
    );
    app.post(
      '/suspended-mail/:id/discard',
      { schema: { tags, summary: 'Discard a suspended mail; it is never applied (staff)', params: IdParams, response: { 200: SuspendedMailSchema } } },
      async (request) => discardSuspendedMail(deps, requireActor(request), request.params.id),
    );
  };
