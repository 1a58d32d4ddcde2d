import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../auth/actor.js';
import { isUniqueViolation } from '../db/errors.js';
import type { AppDeps } from '../http/deps.js';
import { ComponentStatusSchema } from '../incidents/schemas.js';
import { AlertmanagerPayload, BODY_LIMIT, MAX_ALERTS } from './payload.js';
import { type AlertOutcome, receiveAlerts } from './receive.js';

const AlertOutcomeSchema = z.object({
  incident_id: z.uuid().nullable().describe("The group's incident (a draft until someone publishes it)."),
  outcome: z.enum(['opened', 'updated', 'resolved', 'unchanged']),
  components: z.array(z.object({ key: z.string(), status: ComponentStatusSchema })),
  unknown_components: z.array(z.string()).describe('Component keys named by alerts that no component has: left alone.'),
  alerts_without_component: z.number().int(),
});

/** Prometheus Alertmanager's webhook receiver: monitoring sets component status and opens draft incidents. */
export const alertmanagerRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/integrations/alertmanager',
      {
        bodyLimit: BODY_LIMIT,
        schema: {
          tags: ['incidents'],
          summary: 'Alertmanager webhook receiver (bearer API token of a staff user)',
          description: [
            'Point a `webhook_config` of Alertmanager here (payload version "4"; `send_resolved: true`), with `http_config.authorization.credentials` set to an API token of an agent, manager or admin.',
            'Each alert names a component by its `component` label (a component key; the group\'s common label serves alerts without one).',
            'The `severity` label sets the status: critical → major_outage; warning or error → partial_outage; anything else → degraded_performance.',
            `While the group fires, ONE draft incident per groupKey carries those statuses; when it resolves, they end and the draft is resolved (a published incident only has its statuses ended). Repeated notifications change nothing. At most ${MAX_ALERTS} alerts and ${BODY_LIMIT / 1024} KiB per request; unknown component keys are reported, not refused.`,
          ].join('\n\n'),
          body: AlertmanagerPayload,
          response: { 200: AlertOutcomeSchema },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        // Two notifications of a new group at once: the second finds the first's incident on retry.
        for (let attempt = 1; ; attempt += 1) {
          try {
            return await deps.db.transaction().execute((trx): Promise<AlertOutcome> => receiveAlerts(trx, deps.clock.now(), actor, request.body));
          } catch (error) {
            if (attempt >= 3 || !isUniqueViolation(error, 'incidents_alert_once')) throw error;
          }
        }
      },
    );
  };
