import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * The Content-Security-Policy of the web app and the API: scripts, styles and everything else only
 * from the desk itself, no inline script or style, no plugins, no framing, forms post only here.
 */
export const APP_CSP_DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/**
 * The API documentation (Swagger UI at /docs) sets style attributes in the markup it renders and
 * shows its images as data: URLs; its scripts are files, so script-src stays 'self'.
 */
export const DOCS_CSP_DIRECTIVES = { ...APP_CSP_DIRECTIVES, 'style-src': ["'self'", "'unsafe-inline'"] };

const DOCS_PATH = /^\/docs(\/|$)/;
/** One year, with subdomains: HSTS is sent only on answers that went out over TLS. */
const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Security headers on every answer (@fastify/helmet): the CSP above, `X-Frame-Options: DENY`,
 * `X-Content-Type-Options: nosniff`, `Referrer-Policy: same-origin` and the cross-origin isolation
 * headers. HSTS only when the request came over TLS (directly, or through a trusted proxy that says
 * `X-Forwarded-Proto: https`), since on plain HTTP it would be meaningless or lock a test host out.
 * Call before any route is added (the /docs routes get their own policy when they are added).
 */
export async function installSecurityHeaders(app: FastifyInstance): Promise<void> {
  app.addHook('onRoute', (route) => {
    if (DOCS_PATH.test(route.url)) {
      route.config = { ...(route.config ?? {}), helmet: { contentSecurityPolicy: { useDefaults: false, directives: DOCS_CSP_DIRECTIVES } } } as typeof route.config;
    }
  });
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives: APP_CSP_DIRECTIVES },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onRequest', async (request, reply) => {
    if (request.protocol === 'https') reply.header('strict-transport-security', HSTS);
  });
}
