import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { accountRoutes } from '../accounts/routes.js';
import { availabilityRoutes } from '../availability/routes.js';
import { installAuthentication } from '../auth/authenticate.js';
import { installThrottleHeaders } from '../auth/throttle.js';
import { authRoutes } from '../session/routes.js';
import type { Clock } from '../clock.js';
import type { Database } from '../db/schema.js';
import type { PolicyCatalog } from '../policy/catalog.js';
import { intakeFormRoutes } from '../intake-forms/routes.js';
import { incidentRoutes } from '../incidents/routes.js';
import { incidentTicketRoutes } from '../incidents/ticket-routes.js';
import { alertmanagerRoutes } from '../alertmanager/routes.js';
import { escalationRoutes } from '../escalation/index.js';
import { policyRoutes } from '../policy/routes.js';
import { routingRoutes } from '../routing/index.js';
import { teamRoutes } from '../teams/routes.js';
import { attachmentRoutes } from '../tickets/attachment-routes.js';
import { ticketRoutes } from '../tickets/routes.js';
import { ticketIntakeRoutes } from '../tickets/intake-routes.js';
import { userRoutes } from '../users/routes.js';
import type { AppDeps } from '../http/deps.js';
import { answerFrameworkError, installErrorHandling } from '../http/error-handler.js';
import { installBenchRoutes } from './bench.js';
import { installHealth } from '../http/health.js';
import { serverTimeRoutes } from '../http/server-time.js';
import { installMetrics } from '../http/metrics.js';
import { installOpenApi } from '../http/openapi.js';
import { installSecurityAfterAuthentication, installSecurityBeforeRoutes, metricsAccessOf, type SecurityOptions, securityServerOptions } from '../http/security/index.js';
import { installWebApp } from '../http/web-app.js';
import { installStatusPage, type StatusPageOptions } from '../status-page/index.js';
import { statusSubscriptionApiRoutes } from '../status-subscriptions/api-routes.js';
import { statusSubscriptionPublicRoutes } from '../status-subscriptions/public-routes.js';
import { workflowRoutes } from '../workflow/routes.js';
import { mailReviewRoutes } from '../mail-review/routes.js';
import type { Workflow } from './worker.js';
import type { WebhookGuard } from '../notify/webhook-destination.js';

/** JSON bodies are limited to 1 MiB. */
export const JSON_BODY_LIMIT = 1024 * 1024;

export interface BuildAppOptions {
  db: Kysely<Database>;
  clock: Clock;
  registry: PolicyCatalog;
  /** A pino logger, or false/undefined for none. */
  logger?: FastifyBaseLogger | false;
  /** Mounts `POST /bench/bare` (insert one row), the baseline of the API benchmark. Off by default. */
  benchRoutes?: boolean;
  /** Serves the built web app at `/` (default true). */
  webApp?: boolean;
  /** The timer worker running in this process, if any: moving the demo clock fires what became due through it. */
  workflow?: Workflow | null;
  /** Proxy trust, the desk's public URL (cross-site check), who reads /metrics, timeouts. */
  security?: SecurityOptions;
  /** Where webhooks may point: internal receivers the operator trusts (HOURGLASS_WEBHOOK_ALLOW); unset: public addresses only. */
  webhookGuard?: WebhookGuard;
  /** The public status page's settings (where its snapshot is kept on disk, refresh periods); false: not mounted. */
  statusPage?: Omit<StatusPageOptions, 'db' | 'clock' | 'registry' | 'publicUrl'> | false;
}

/** Builds the HTTP service over the given database, clock and policy registry. Nothing listens until `listen()`. */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    bodyLimit: JSON_BODY_LIMIT,
    ajv: undefined,
    routerOptions: { ignoreTrailingSlash: true },
    frameworkErrors: answerFrameworkError,
    ...securityServerOptions(options.security),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);
  await installSecurityBeforeRoutes(app);
  installThrottleHeaders(app);
  await app.register(fastifyCookie);
  await installOpenApi(app);
  installMetrics(app, metricsAccessOf(options.security));
  installHealth(app, options.db, options.clock);
  installAuthentication(app, options.db, options.clock);
  installSecurityAfterAuthentication(app, options.security);

  const deps: AppDeps = { db: options.db, clock: options.clock, registry: options.registry, ...(options.webhookGuard ? { webhookGuard: options.webhookGuard } : {}) };
  await app.register(
    async (api) => {
      await api.register(authRoutes(deps));
      await api.register(accountRoutes(deps));
      await api.register(userRoutes(deps));
      await api.register(teamRoutes(deps));
      await api.register(ticketRoutes(deps));
      await api.register(attachmentRoutes(deps));
      await api.register(intakeFormRoutes(deps));
      await api.register(policyRoutes(deps));
      await api.register(routingRoutes(deps));
      await api.register(escalationRoutes(deps));
      await api.register(workflowRoutes(deps, options.workflow ?? null));
      await api.register(mailReviewRoutes(deps));
      await api.register(serverTimeRoutes(deps));
      await api.register(ticketIntakeRoutes(deps));
      await api.register(statusSubscriptionApiRoutes(deps));
      await api.register(availabilityRoutes(deps));
      const incidentDeps = { ...deps, ...(options.security?.publicUrl ? { publicUrl: options.security.publicUrl } : {}), replyLinkBase: () => options.security?.publicUrl ?? listeningUrl(app) };
      await api.register(incidentRoutes(incidentDeps));
      await api.register(incidentTicketRoutes(incidentDeps));
      await api.register(alertmanagerRoutes(deps));
    },
    { prefix: '/api/v1' },
  );
  await app.register(statusSubscriptionPublicRoutes(deps, { publicUrl: options.security?.publicUrl }));
  if (options.statusPage !== false) await installStatusPage(app, { db: options.db, clock: options.clock, registry: options.registry, publicUrl: options.security?.publicUrl, ...options.statusPage });
  if (options.benchRoutes) await installBenchRoutes(app, deps);
  if (options.webApp !== false) await installWebApp(app);
  await app.ready();
  return app;
}

/** Where this server listens, as a URL (before it listens: the configured port on localhost). */
function listeningUrl(app: FastifyInstance): string {
  const address = app.server.address();
  const port = address !== null && typeof address === 'object' ? address.port : Number(process.env.PORT ?? 3000);
  return `http://localhost:${port}`;
}
