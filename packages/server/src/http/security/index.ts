import type { FastifyInstance } from 'fastify';
import type { TrustProxySetting } from '../../config.js';
import { installContentTypes } from './content-types.js';
import { installSecurityHeaders } from './headers.js';
import { type MetricsAccess, metricsAccess } from './metrics-access.js';
import { installOriginCheck } from './origin-check.js';
import { type ServerTimeouts, timeoutOptions } from './timeouts.js';

/** How the HTTP service protects itself on the internet (see config.ts for the settings behind these). */
export interface SecurityOptions {
  /** The desk's public URL (HOURGLASS_PUBLIC_URL): its origin is the desk's own, for the cross-site check. */
  publicUrl?: string | undefined;
  /** Fastify's trustProxy (HOURGLASS_TRUST_PROXY); default false. */
  trustProxy?: TrustProxySetting | undefined;
  /** HOURGLASS_METRICS_TOKEN. */
  metricsToken?: string | undefined;
  /** True when a separate listener serves /metrics (HOURGLASS_METRICS_LISTEN). */
  metricsSeparate?: boolean | undefined;
  /** Overrides of the server timeouts (tests shorten them). */
  timeouts?: Partial<ServerTimeouts> | undefined;
}

/** The Fastify construction options: proxy trust and timeouts. */
export function securityServerOptions(options: SecurityOptions = {}) {
  const trust = options.trustProxy ?? false;
  // A hop count trusts that many proxies nearest to the server (what Fastify does with a number).
  const trustProxy = typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : trust;
  return { trustProxy, ...timeoutOptions(options.timeouts) };
}

/** Headers, accepted content types and Retry-After: before any route is added. */
export async function installSecurityBeforeRoutes(app: FastifyInstance): Promise<void> {
  await installSecurityHeaders(app);
  installContentTypes(app);
}

/** The cross-site check needs to know how the request is authenticated: after the authentication hook. */
export function installSecurityAfterAuthentication(app: FastifyInstance, options: SecurityOptions = {}): void {
  installOriginCheck(app, { publicUrl: options.publicUrl });
}

export function metricsAccessOf(options: SecurityOptions = {}): MetricsAccess {
  return metricsAccess({ token: options.metricsToken, separateListener: options.metricsSeparate });
}
