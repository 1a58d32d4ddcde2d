import { timingSafeEqual, createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { FastifyRequest } from 'fastify';
import type { Registry } from 'prom-client';
import { AppError } from '../../errors.js';

/**
 * Who may read `/metrics` on the API port:
 * - with a token (HOURGLASS_METRICS_TOKEN): only `Authorization: Bearer <token>`;
 * - with a separate listener (HOURGLASS_METRICS_LISTEN): nobody on the API port (it is served there);
 * - with neither: only clients on this machine (loopback) that did not come through a proxy.
 */
export type MetricsAccess = { kind: 'token'; token: string } | { kind: 'separate' } | { kind: 'loopback' };

export function metricsAccess(options: { token?: string | undefined; separateListener?: boolean | undefined }): MetricsAccess {
  if (options.token) return { kind: 'token', token: options.token };
  if (options.separateListener) return { kind: 'separate' };
  return { kind: 'loopback' };
}

/** Throws 401/403/404 unless `request` may read the metrics under `access`. */
export function checkMetricsAccess(access: MetricsAccess, request: FastifyRequest): void {
  switch (access.kind) {
    case 'separate':
      throw new AppError('route_not_found', 'Metrics are served on the separate metrics listener (HOURGLASS_METRICS_LISTEN), not here.');
    case 'token': {
      const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
      if (!bearer || !sameSecret(bearer[1]!, access.token)) {
        throw new AppError('unauthenticated', 'Metrics need "Authorization: Bearer <HOURGLASS_METRICS_TOKEN>".');
      }
      return;
    }
    case 'loopback':
      if (!isLoopback(request.socket.remoteAddress) || request.headers['x-forwarded-for'] !== undefined || request.headers.forwarded !== undefined) {
        throw new AppError(
          'forbidden',
          'Metrics are served only to this machine: set HOURGLASS_METRICS_TOKEN to read them with "Authorization: Bearer <token>", or HOURGLASS_METRICS_LISTEN to serve them on a separate address.',
        );
      }
  }
}

function sameSecret(given: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const plain = address.startsWith('::ffff:') ? address.slice(7) : address;
  return plain === '::1' || /^127\./.test(plain);
}

export interface MetricsListener {
  url: string;
  close(): Promise<void>;
}

/** A listener of its own that serves only `GET /metrics` (for HOURGLASS_METRICS_LISTEN, e.g. on an internal address). */
export async function startMetricsListener(registry: Registry, listen: { host: string; port: number }): Promise<MetricsListener> {
  const server: Server = createServer((request, response) => {
    if (request.method !== 'GET' || (request.url ?? '').split('?')[0] !== '/metrics') {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Only GET /metrics is served here.\n');
      return;
    }
    registry.metrics().then(
      (text) => response.writeHead(200, { 'content-type': registry.contentType }).end(text),
      () => response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('The metrics could not be collected.\n'),
    );
  });
  server.requestTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listen.port, listen.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : listen.port;
  const host = listen.host.includes(':') ? `[${listen.host}]` : listen.host;
  return { url: `http://${host}:${port}/metrics`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
