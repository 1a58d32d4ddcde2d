import type { FastifyServerOptions } from 'fastify';

/** How long the HTTP server waits for a client. */
export interface ServerTimeouts {
  /** The whole request (headers and body) must arrive within this; a body trickled in slowly is cut off with 408. */
  requestMs: number;
  /** The headers must arrive within this. */
  headersMs: number;
  /** A socket with no traffic at all for this long is closed. */
  idleMs: number;
  /** An idle keep-alive connection is kept this long; above the usual 60 s idle timeout of load balancers, so they never reuse a closed one. */
  keepAliveMs: number;
  /** How often the server checks the request and header deadlines. */
  checkEveryMs: number;
}

/**
 * 60 s for a whole request leaves a 10 MiB attachment about 1.4 Mbit/s; a client trickling a body
 * byte by byte holds its connection at most that long (without a limit it was held for ever).
 */
export const DEFAULT_TIMEOUTS: ServerTimeouts = { requestMs: 60_000, headersMs: 20_000, idleMs: 30_000, keepAliveMs: 72_000, checkEveryMs: 5_000 };

/** The Fastify (and Node http server) options that enforce `timeouts`. */
export function timeoutOptions(overrides: Partial<ServerTimeouts> = {}): Pick<FastifyServerOptions, 'requestTimeout' | 'connectionTimeout' | 'keepAliveTimeout'> & {
  http: { headersTimeout: number; connectionsCheckingInterval: number; requestTimeout: number };
} {
  const t = { ...DEFAULT_TIMEOUTS, ...overrides };
  const headersMs = Math.min(t.headersMs, t.requestMs);
  return {
    requestTimeout: t.requestMs,
    connectionTimeout: t.idleMs,
    keepAliveTimeout: t.keepAliveMs,
    http: { requestTimeout: t.requestMs, headersTimeout: headersMs, connectionsCheckingInterval: Math.min(t.checkEveryMs, headersMs) },
  };
}
