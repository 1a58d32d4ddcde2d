/**
 * The public subscription pages (no sign-in): the form, the request (form or JSON), confirmation and
 * one-click unsubscribe. The unsubscribe link of every notice email is also its `List-Unsubscribe`
 * URL (RFC 8058): a GET shows a page with a button, so a link scanner changes nothing, and a POST
 * (the mail client's one-click, `List-Unsubscribe=One-Click` form-encoded or multipart, or the page's
 * button) unsubscribes without any sign-in or cookie.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError, textIn, type LocalizedText } from '../errors.js';
import type { AppDeps } from '../http/deps.js';
import { varyOnLanguage } from '../http/error-language.js';
import { DEFAULT_LOCALE, isLocale, negotiateLocale, type Locale } from '../i18n/index.js';
import { EMPTY_ALLOW_LIST } from '../notify/index.js';
import { checkSubscription, type RawRequest } from './check.js';
import { choosableComponents } from './components.js';
import { countRequest } from './limits.js';
import { unsubscribeUrl } from './notice-content.js';
import * as pages from './pages.js';
import { statusProvider } from './provider.js';
import { LocaleQuery, PendingSchema, SubscribeBody, TokenQuery, WebhookSubscriptionSchema } from './schemas.js';
import { CONFIRM_WINDOW_MS, confirm, subscribe, subscriberToConfirm, subscriberToUnsubscribe, targetOf, unsubscribe } from './service.js';

/** Subscription requests from one client address: at most this many per window. */
export const REQUESTS_PER_CLIENT = { max: 20, windowMs: 10 * 60_000 };
const FORM_LIMIT = 16 * 1024;

/** The page's language: `?locale=`, then the form's, then Accept-Language, then the caller's own. */
function pageLocale(request: FastifyRequest, ...chosen: unknown[]): Locale {
  for (const value of chosen) if (isLocale(value)) return value;
  const actorLocale = request.actor?.locale;
  return negotiateLocale(request.headers['accept-language']) ?? (isLocale(actorLocale) ? actorLocale : DEFAULT_LOCALE);
}

function sendPage(reply: FastifyReply, status: number, locale: Locale, html: string, secret = false): FastifyReply {
  varyOnLanguage(reply);
  reply.header('content-language', locale).header('cache-control', 'no-store');
  if (secret) reply.header('referrer-policy', 'no-referrer');
  return reply.code(status).type('text/html; charset=utf-8').send(html);
}

/** Form fields as the JSON body would have them (`component_ids` always a list). */
function formFields(body: string): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  const params = new URLSearchParams(body);
  for (const key of new Set(params.keys())) fields[key] = key === 'component_ids' ? params.getAll(key) : params.get(key);
  return fields;
}

const english = (text: LocalizedText) => textIn(text, DEFAULT_LOCALE);

export const statusSubscriptionPublicRoutes =
  (deps: AppDeps, options: { publicUrl?: string | undefined } = {}): FastifyPluginAsyncZod =>
  async (app) => {
    const guard = deps.webhookGuard ?? { allow: EMPTY_ALLOW_LIST };
    // Forms post form-encoded fields; only these routes take them (every other route takes JSON only).
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: FORM_LIMIT }, (_request, body, done) => done(null, formFields(body as string)));

    const providerOr404 = async (request: FastifyRequest, reply: FastifyReply, locale: Locale) => {
      const provider = await statusProvider(deps.db);
      if (!provider) {
        if (isForm(request) || request.method === 'GET') {
          sendPage(reply, 404, locale, pages.problemPage({ locale, provider: '' }, 'status-subscriptions.page.subscribe.title', textIn({ id: 'status-subscriptions.error.noStatusPage' }, locale)));
          return null;
        }
        throw AppError.translated('not_found', { id: 'status-subscriptions.error.noStatusPage' });
      }
      return provider;
    };
    // A browser's form post (form fields, and it accepts HTML) is answered with a page; anything else with JSON.
    const isForm = (request: FastifyRequest) =>
      (request.headers['content-type'] ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded') && (request.headers.accept ?? '').toLowerCase().includes('text/html');

    app.get(pages.STYLESHEET_PATH, { schema: { hide: true } }, async (_request, reply) =>
      reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(pages.STYLESHEET),
    );

    app.get('/status/subscribe', { schema: { hide: true, querystring: LocaleQuery } }, async (request, reply) => {
      const locale = pageLocale(request, request.query.locale);
      const provider = await providerOr404(request, reply, locale);
      if (!provider) return reply;
      return sendPage(reply, 200, locale, pages.subscribePage({ locale, provider: provider.name }, await choosableComponents(deps.db, provider.id)));
    });

    app.post(
      '/status/subscriptions',
      {
        schema: {
          tags: ['status'],
          summary: 'Subscribe to the status page by email (double opt-in) or webhook; no sign-in',
          description:
            'Takes JSON or the subscribe page\'s form fields (form-encoded; then the answer is a page). An email request always answers 202 alike, ' +
            'whether or not the address is subscribed already: a confirmation link is mailed, and nothing else is sent until it is opened (an ' +
            `unconfirmed request is forgotten after ${CONFIRM_WINDOW_MS / 3_600_000} hours). A webhook starts at once: the answer carries its signing ` +
            'secret and its unsubscribe link, shown only now. Each notice is a signed POST (Hourglass-Signature, as the desk\'s other webhooks) in the ' +
            'shape of Statuspage\'s incident webhook: { meta: { unsubscribe, documentation, generated_at }, page: { id, status_indicator, status_description }, ' +
            'incident: { id, name, status, impact, kind, shortlink, components, incident_updates: [ { id, status, body, display_at, affected_components } ], … } }. ' +
            `At most ${REQUESTS_PER_CLIENT.max} requests per client address every ${REQUESTS_PER_CLIENT.windowMs / 60_000} minutes (429 with Retry-After).`,
          security: [],
          querystring: LocaleQuery,
          body: SubscribeBody,
          response: { 201: WebhookSubscriptionSchema, 202: PendingSchema },
        },
      },
      async (request, reply) => {
        const form = isForm(request);
        const body = request.body as RawRequest & { locale?: string };
        const locale = pageLocale(request, request.query.locale, body.locale);
        const provider = await providerOr404(request, reply, locale);
        if (!provider) return reply;
        const context = { locale, provider: provider.name };
        const wait = await countRequest(deps.db, { key: `ip:${provider.id}:${request.ip}`, ...REQUESTS_PER_CLIENT }, deps.clock.now());
        if (wait > 0) {
          const text: LocalizedText = { id: 'status-subscriptions.error.tooMany', values: { minutes: Math.max(1, Math.ceil(wait / 60_000)) } };
          reply.header('retry-after', String(Math.max(1, Math.ceil(wait / 1000))));
          if (form) return sendPage(reply, 429, locale, pages.problemPage(context, 'status-subscriptions.page.subscribe.title', textIn(text, locale)));
          throw AppError.translated('too_many_attempts', text);
        }
        const components = await choosableComponents(deps.db, provider.id);
        const checked = await checkSubscription(body, components, guard);
        if (!checked.ok) {
          if (form) {
            const state = {
              problems: checked.problems,
              ...(typeof body.kind === 'string' ? { kind: body.kind } : {}),
              ...(typeof body.email === 'string' ? { email: body.email } : {}),
              ...(typeof body.url === 'string' ? { url: body.url } : {}),
              ...(typeof body.components === 'string' ? { components: body.components } : {}),
              ...(Array.isArray(body.component_ids) ? { componentIds: body.component_ids.filter((id): id is string => typeof id === 'string') } : {}),
            };
            return sendPage(reply, 400, locale, pages.subscribePage(context, components, state));
          }
          throw AppError.translated(
            'validation_failed',
            { id: 'status-subscriptions.page.errors' },
            checked.problems.map((p) => ({ path: `body.${p.path}`, message: english(p.text), text: p.text })),
          );
        }
        const outcome = await subscribe(deps.db, deps.clock, provider.id, checked.value, locale);
        if (outcome.kind === 'email') {
          if (form) return sendPage(reply, 200, locale, pages.pendingPage(context, outcome.email, CONFIRM_WINDOW_MS / 3_600_000));
          return reply.code(202).send({ status: 'confirmation_sent' as const });
        }
        const link = unsubscribeUrl(publicOrigin(request, options.publicUrl), outcome.unsubscribeToken);
        if (form) return sendPage(reply, 201, locale, pages.webhookPage(context, { url: outcome.url, secret: outcome.secret, unsubscribeUrl: link }), true);
        reply.header('cache-control', 'no-store');
        return reply.code(201).send({ id: outcome.id, kind: 'webhook' as const, url: outcome.url, secret: outcome.secret, component_ids: outcome.componentIds, unsubscribe_url: link });
      },
    );

    app.get('/status/subscriptions/confirm', { schema: { hide: true, querystring: TokenQuery } }, async (request, reply) => {
      const locale = pageLocale(request, request.query.locale);
      const provider = await providerOr404(request, reply, locale);
      if (!provider) return reply;
      const context = { locale, provider: provider.name };
      const found = await subscriberToConfirm(deps.db, deps.clock, request.query.token);
      if (!found.ok) return sendPage(reply, 404, locale, pages.invalidLinkPage(context), true);
      if (found.subscriber.confirmed_at !== null) return sendPage(reply, 200, locale, await confirmedPageOf(context, found.subscriber.email!, found.subscriber.component_ids), true);
      return sendPage(reply, 200, locale, pages.confirmPage(context, found.subscriber.email!, pages.withLocale(`/status/subscriptions/confirm?token=${encodeURIComponent(request.query.token!)}`, locale)), true);
    });

    app.post('/status/subscriptions/confirm', { schema: { hide: true, querystring: TokenQuery } }, async (request, reply) => {
      const locale = pageLocale(request, request.query.locale);
      const provider = await providerOr404(request, reply, locale);
      if (!provider) return reply;
      const context = { locale, provider: provider.name };
      const done = await confirm(deps.db, deps.clock, request.query.token);
      if (!done.ok) return sendPage(reply, 404, locale, pages.invalidLinkPage(context), true);
      return sendPage(reply, 200, locale, await confirmedPageOf(context, done.subscriber.email!, done.subscriber.component_ids), true);
    });

    const confirmedPageOf = async (context: pages.PageContext, email: string, componentIds: string[] | null) => {
      if (componentIds === null) return pages.confirmedPage(context, email, null);
      const provider = await statusProvider(deps.db);
      const names = new Map((provider ? await choosableComponents(deps.db, provider.id) : []).map((c) => [c.id, c.name]));
      return pages.confirmedPage(context, email, componentIds.map((id) => names.get(id)).filter((n): n is string => n !== undefined));
    };

    app.get('/status/subscriptions/unsubscribe', { schema: { hide: true, querystring: TokenQuery } }, async (request, reply) => {
      const locale = pageLocale(request, request.query.locale);
      const provider = await providerOr404(request, reply, locale);
      if (!provider) return reply;
      const context = { locale, provider: provider.name };
      const subscriber = await subscriberToUnsubscribe(deps.db, deps.clock, request.query.token);
      if (!subscriber) return sendPage(reply, 404, locale, pages.invalidLinkPage(context), true);
      if (subscriber.unsubscribed_at !== null) return sendPage(reply, 200, locale, pages.unsubscribedPage(context, targetOf(subscriber)), true);
      return sendPage(reply, 200, locale, pages.unsubscribePage(context, targetOf(subscriber), pages.withLocale(`/status/subscriptions/unsubscribe?token=${encodeURIComponent(request.query.token!)}`, locale)), true);
    });

    // The one-click POST: mail clients send `List-Unsubscribe=One-Click` form-encoded or as multipart/form-data; the token is in the URL.
    await app.register(async (oneClick) => {
      oneClick.addContentTypeParser('multipart/form-data', { parseAs: 'string', bodyLimit: FORM_LIMIT }, (_request, _body, done) => done(null, {}));
      oneClick.post('/status/subscriptions/unsubscribe', { schema: { hide: true, querystring: TokenQuery } }, async (request, reply) => {
        const query = request.query as { token?: string; locale?: string };
        const locale = pageLocale(request, query.locale);
        const provider = await providerOr404(request, reply, locale);
        if (!provider) return reply;
        const context = { locale, provider: provider.name };
        const subscriber = await unsubscribe(deps.db, deps.clock, query.token);
        if (!subscriber) return sendPage(reply, 404, locale, pages.invalidLinkPage(context), true);
        return sendPage(reply, 200, locale, pages.unsubscribedPage(context, targetOf(subscriber)), true);
      });
    });
  };

/** The desk's public URL (HOURGLASS_PUBLIC_URL), else the origin the caller addressed: where the webhook's unsubscribe link in the answer points. */
function publicOrigin(request: FastifyRequest, configured: string | undefined): string {
  return (configured ? configured : `${request.protocol}://${request.host}`).replace(/\/+$/, '');
}
