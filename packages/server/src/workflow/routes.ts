import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor, requireRole } from '../auth/actor.js';
import { IdParams } from '../http/common-schemas.js';
import type { AppDeps } from '../http/deps.js';
import { getPreferences, putPreferences } from './preferences.js';
import {
  ClockSchema,
  CreatedWebhookSchema,
  CreateWebhookBody,
  DeliveriesQuery,
  DeliverySchema,
  MoveClockBody,
  parseAdvance,
  PreferencesSchema,
  PutPreferencesBody,
  UpdateWebhookBody,
  WebhookSchema,
} from './schemas.js';
import { isMovable } from '../clock.js';
import { type DueTimerRunner, LATEST_SERVICE_TIME, travelTo } from './time-travel.js';
import { AppError } from '../errors.js';
import { createWebhook, deleteWebhook, getWebhook, listDeliveries, listWebhooks, updateWebhook } from './webhooks.js';

/** Webhook endpoints, notification preferences and the demo clock. `workflow` is the in-process worker, if any. */
export const workflowRoutes =
  (deps: AppDeps, workflow: DueTimerRunner | null): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['webhooks'];
    app.get('/webhooks', { schema: { tags, summary: 'List webhook endpoints (admin)', response: { 200: z.object({ items: z.array(WebhookSchema) }) } } }, async (request) =>
      listWebhooks(deps.db, requireActor(request)),
    );
    app.post(
      '/webhooks',
      { schema: { tags, summary: 'Add a webhook endpoint (admin); the secret is shown once', body: CreateWebhookBody, response: { 201: CreatedWebhookSchema } } },
      async (request, reply) => reply.code(201).send(await createWebhook(deps.db, deps.clock, requireActor(request), request.body, deps.webhookGuard)),
    );
    app.get('/webhooks/:id', { schema: { tags, summary: 'Get a webhook endpoint (admin)', params: IdParams, response: { 200: WebhookSchema } } }, async (request) =>
      getWebhook(deps.db, requireActor(request), request.params.id),
    );
    app.patch(
      '/webhooks/:id',
      { schema: { tags, summary: 'Change a webhook endpoint (admin)', params: IdParams, body: UpdateWebhookBody, response: { 200: WebhookSchema } } },
      async (request) => updateWebhook(deps.db, deps.clock, requireActor(request), request.params.id, request.body, deps.webhookGuard),
    );
    app.delete('/webhooks/:id', { schema: { tags, summary: 'Delete a webhook endpoint and its log (admin)', params: IdParams } }, async (request, reply) => {
      await deleteWebhook(deps.db, requireActor(request), request.params.id);
      return reply.code(204).send();
    });
    app.get(
      '/webhooks/:id/deliveries',
      {
        schema: {
          tags,
          summary: 'The delivery log of a webhook endpoint, newest first (admin)',
          params: IdParams,
          querystring: DeliveriesQuery,
          response: { 200: z.object({ items: z.array(DeliverySchema) }) },
        },
      },
      async (request) => listDeliveries(deps.db, requireActor(request), request.params.id, request.query),
    );

    app.get('/me/notifications', { schema: { tags: ['notifications'], summary: 'What reaches you by email', response: { 200: PreferencesSchema } } }, async (request) =>
      getPreferences(deps.db, requireActor(request)),
    );
    app.put(
      '/me/notifications',
      { schema: { tags: ['notifications'], summary: 'Choose what reaches you by email', body: PutPreferencesBody, response: { 200: PreferencesSchema } } },
      async (request) => putPreferences(deps.db, deps.clock, requireActor(request), request.body),
    );

    const clockView = () => ({ now: new Date(deps.clock.now()).toISOString(), movable: isMovable(deps.clock), worker: workflow !== null });
    app.get('/admin/clock', { schema: { tags: ['admin'], summary: 'The service clock (admin)', response: { 200: ClockSchema } } }, async (request) => {
      requireRole(requireActor(request), ['admin'], 'read the service clock');
      return clockView();
    });
    app.post(
      '/admin/clock',
      {
        schema: {
          tags: ['admin'],
          summary: 'Move the demo clock forward and fire what became due (admin; needs HOURGLASS_CLOCK fixed or offset)',
          body: MoveClockBody,
          response: { 200: ClockSchema },
        },
      },
      async (request) => {
        requireRole(requireActor(request), ['admin'], 'move the service clock');
        const body = request.body;
        const to = body.to !== undefined ? Date.parse(body.to) : deps.clock.now() + parseAdvance(body.advance!);
        if (to >= LATEST_SERVICE_TIME) {
          const path = body.to !== undefined ? 'body.to' : 'body.advance';
          throw new AppError('validation_failed', `The service clock can be moved up to ${new Date(LATEST_SERVICE_TIME).toISOString()}: due times are computed up to the year 2500.`, [
            { path, message: `Must be before ${new Date(LATEST_SERVICE_TIME).toISOString()}; ${new Date(to).toISOString()} is later.` },
          ]);
        }
        const report = await travelTo(deps.db, deps.clock, workflow, to);
        return { ...clockView(), moved_from: new Date(report.from).toISOString(), fired: report.fired, retried: report.retried, dead: report.dead };
      },
    );
  };
