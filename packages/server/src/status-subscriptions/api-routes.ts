/** The signed-in person's own status subscription: GET, PUT and DELETE /api/v1/status/subscriptions. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../auth/actor.js';
import type { AppDeps } from '../http/deps.js';
import { requestLocale } from '../http/error-language.js';
import { isLocale } from '../i18n/index.js';
import { deletePortalSubscription, getPortalSubscription, putPortalSubscription } from './portal.js';
import { PortalSubscriptionSchema, PutPortalSubscriptionBody } from './schemas.js';

export const statusSubscriptionApiRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['status'];
    app.get(
      '/status/subscriptions',
      { schema: { tags, summary: 'Your subscription to the status page, and the components you may choose', response: { 200: PortalSubscriptionSchema } } },
      async (request) => getPortalSubscription(deps.db, requireActor(request)),
    );
    app.put(
      '/status/subscriptions',
      {
        schema: {
          tags,
          summary: 'Subscribe your own address to the status page (all components or chosen ones); no confirmation is needed',
          body: PutPortalSubscriptionBody,
          response: { 200: PortalSubscriptionSchema },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const locale = isLocale(actor.locale) ? actor.locale : requestLocale(request);
        return putPortalSubscription(deps.db, deps.clock, actor, request.body.component_ids, locale);
      },
    );
    app.delete('/status/subscriptions', { schema: { tags, summary: 'End your subscription to the status page' } }, async (request, reply) => {
      await deletePortalSubscription(deps.db, deps.clock, requireActor(request));
      return reply.code(204).send();
    });
  };
