/**
 * The public status routes, no sign-in: `/status` and `/status/incidents/{id}` (HTML, in the language
 * of `?locale=` or `Accept-Language`), Statuspage's JSON under `/api/v2/`, and the feeds
 * `/history.atom` and `/history.rss`. Every answer comes from the process's cached snapshot, with an
 * ETag (304 on a match), Last-Modified and a short Cache-Control; nothing is read from the database
 * per request. These routes skip the sign-in hook (they read no credentials) and the per-request
 * helmet middleware, sending the same security headers precomputed (public-headers.ts).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import { DEFAULT_LOCALE, type Locale, matchLocale, negotiateLocale } from '../i18n/index.js';
import { answerHeaders, type AnswerKind, etagMatches } from './answer-headers.js';
import { type Answer, type DocumentName, gzippedOf, type RenderedStatus } from './rendered.js';
import type { StatusCache } from './status-cache.js';
import { STATUSPAGE_DOCUMENTS } from './statuspage-json.js';

const ROUTE = { schema: { hide: true }, config: { ownAuthorization: true }, helmet: false } as const;

export function installStatusRoutes(app: FastifyInstance, cache: StatusCache): void {
  const current = (): RenderedStatus => {
    const rendered = cache.current;
    if (!rendered) throw new AppError('database_unavailable');
    return rendered;
  };

  app.get('/status', ROUTE, async (request, reply) => {
    const rendered = current();
    return send(request, reply, rendered, rendered.statusPage(localeOf(request)), 'page');
  });

  app.get<{ Params: { id: string } }>('/status/incidents/:id', ROUTE, async (request, reply) => {
    const rendered = current();
    const locale = localeOf(request);
    const page = rendered.incidentPage(request.params.id, locale);
    if (page === null) {
      reply.code(404);
      return send(request, reply, rendered, rendered.notFound(locale), 'page');
    }
    return send(request, reply, rendered, page, 'page');
  });

  for (const name of STATUSPAGE_DOCUMENTS) {
    const document: DocumentName = name;
    app.get(`/api/v2/${document}`, ROUTE, async (request, reply) => {
      const rendered = current();
      return send(request, reply, rendered, rendered.json(document), 'data');
    });
  }

  app.get('/history.atom', ROUTE, async (request, reply) => {
    const rendered = current();
    return send(request, reply, rendered, rendered.feed('atom'), 'data');
  });
  app.get('/history.rss', ROUTE, async (request, reply) => {
    const rendered = current();
    return send(request, reply, rendered, rendered.feed('rss'), 'data');
  });
}

function send(request: FastifyRequest, reply: FastifyReply, rendered: RenderedStatus, answer: Answer, kind: AnswerKind): FastifyReply {
  reply.headers(answerHeaders(rendered, answer, kind));
  if (reply.statusCode === 200 && etagMatches(request.headers['if-none-match'], answer.etag)) return reply.code(304).send();
  reply.type(answer.type);
  const encodings = request.headers['accept-encoding'];
  if (encodings !== undefined && /\bgzip\b/.test(encodings)) {
    reply.header('content-encoding', 'gzip');
    return reply.send(gzippedOf(answer));
  }
  return reply.send(answer.body);
}

function localeOf(request: FastifyRequest): Locale {
  const asked = (request.query as { locale?: unknown } | undefined)?.locale;
  if (typeof asked === 'string') {
    const chosen = matchLocale(asked);
    if (chosen) return chosen;
  }
  return negotiateLocale(request.headers['accept-language']) ?? DEFAULT_LOCALE;
}
