import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../errors.js';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const SIGN_IN = /^\/api\/v1\/session\/?(\?|$)/;

/**
 * Refuses cross-site writes made with the session cookie (CSRF). A request authenticated by the
 * session cookie with an unsafe method must say where it comes from, as browsers do: its `Origin`
 * is the desk's own origin, or, without `Origin`, `Sec-Fetch-Site: same-origin`. Otherwise 403.
 * Sign-in (POST /session) is refused likewise when it carries a foreign `Origin` (login CSRF);
 * without one (curl, scripts) it goes on. Requests with a token (Bearer, Basic) are not affected:
 * a browser never adds those on its own.
 *
 * The desk's own origins are the configured public URL's and the one the request was addressed to
 * (`protocol://Host`). Trusting the Host header here is safe: a browser always sends the real host
 * it talks to, and a page of another site can neither set Host nor Origin, nor (after a DNS
 * rebinding to another name) get the desk's cookie sent. Only a non-browser can forge both headers,
 * and it could not do so with somebody else's cookie.
 */
export function installOriginCheck(app: FastifyInstance, options: { publicUrl?: string | undefined }): void {
  const configured = options.publicUrl ? originOf(options.publicUrl) : null;
  app.addHook('onRequest', async (request) => {
    if (!UNSAFE_METHODS.has(request.method)) return;
    const signIn = request.method === 'POST' && SIGN_IN.test(request.url);
    const bySessionCookie = request.actor?.via === 'session';
    if (!bySessionCookie && !signIn) return;
    const origin = request.headers.origin;
    if (origin === undefined) {
      if (signIn || request.headers['sec-fetch-site'] === 'same-origin') return;
      throw new AppError(
        'cross_site_request',
        'A change made with the session cookie must come from the desk\'s own pages: the request has no Origin header (and no "Sec-Fetch-Site: same-origin"). Scripts should send an API token ("Authorization: Bearer <token>") instead of the cookie.',
      );
    }
    const own = [configured, requestOrigin(request)].filter((o): o is string => o !== null);
    const from = originOf(origin);
    if (from === null || !own.includes(from)) {
      throw new AppError(
        'cross_site_request',
        `This request came from ${origin === 'null' ? 'a page without an origin' : origin}, not from the desk's own pages (${own.join(' or ')}), so it was refused. Use the desk's own pages, or an API token ("Authorization: Bearer <token>") instead of the session cookie.`,
      );
    }
  });
}

/** The origin the request was addressed to: its protocol (X-Forwarded-Proto when the proxy is trusted) and Host. */
function requestOrigin(request: FastifyRequest): string | null {
  return originOf(`${request.protocol}://${request.host}`);
}

/** `scheme://host[:port]` with default ports dropped, or null for anything that is not an http(s) origin. */
function originOf(text: string): string | null {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}
