import type { FastifyInstance } from 'fastify';
import { Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { checkMetricsAccess, type MetricsAccess } from './security/metrics-access.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The Prometheus registry behind `/metrics` (a separate metrics listener serves it too). */
    metricsRegistry: Registry;
    /** Counts a request answered outside the app's routing (the status page's stampede path). */
    observeRequest(method: string, route: string, statusCode: number, seconds: number): void;
  }
}

/**
 * Prometheus metrics at `/metrics`: request durations by route and status, plus the process metrics.
 * Only for those `access` lets in (by default: this machine only).
 */
export function installMetrics(app: FastifyInstance, access: MetricsAccess = { kind: 'loopback' }): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'hourglass_' });
  const durations = new Histogram({
    name: 'hourglass_http_request_duration_seconds',
    help: 'HTTP request durations by method, route and status code.',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    durations.observe({ method: request.method, route, status_code: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });
  app.decorate('metricsRegistry', registry);
  app.decorate('observeRequest', (method: string, route: string, statusCode: number, seconds: number) => {
    durations.observe({ method, route, status_code: String(statusCode) }, seconds);
  });
  app.get('/metrics', { schema: { hide: true }, config: { ownAuthorization: true } }, async (request, reply) => {
    checkMetricsAccess(access, request);
    reply.type(registry.contentType);
    return registry.metrics();
  });
  return registry;
}
