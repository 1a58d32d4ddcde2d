import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../auth/actor.js';
import { IdParams } from '../http/common-schemas.js';
import type { AppDeps } from '../http/deps.js';
import { respondIdempotently } from '../idempotency/http.js';
import { EscalationSchema } from '../tickets/schemas.js';
import { EscalateBody, RaisedEscalationSchema } from './schemas.js';
import { escalateTicket, listEscalations } from './service.js';

const tags = ['escalations'];

export const escalationRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/tickets/:id/escalations',
      {
        schema: {
          tags,
          summary: 'Escalate an unsolved ticket (plans that include it, or through a partner\'s growth manager); alerts managers at once',
          params: IdParams,
          body: EscalateBody,
          response: { 201: RaisedEscalationSchema },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        return respondIdempotently(deps, actor, request, reply, async (trx) => ({
          status: 201,
          body: await escalateTicket(deps, trx, actor, request.params.id, request.body),
        }));
      },
    );

    app.get(
      '/tickets/:id/escalations',
      { schema: { tags, summary: "The ticket's escalations with their response targets", params: IdParams, response: { 200: z.object({ items: z.array(EscalationSchema) }) } } },
      async (request) => ({ items: await listEscalations(deps, requireActor(request), request.params.id) }),
    );
  };
