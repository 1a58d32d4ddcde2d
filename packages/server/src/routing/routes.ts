import { z } from 'zod';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { type Actor, isStaff, requireActor } from '../auth/actor.js';
import { AppError, notFound } from '../errors.js';
import { IdParams } from '../http/common-schemas.js';
import type { AppDeps } from '../http/deps.js';
import { loadRoutedAccount, routeFor } from './assign.js';
import { addOutOfOffice, listOutOfOffice, removeOutOfOffice } from './availability.js';
import { routeCall, WrongPin } from './phone.js';
import {
  CallRouteSchema,
  CreateOutOfOfficeBody,
  OutOfOfficeSchema,
  PinBody,
  RangeParams,
  ReroutedSchema,
  RoutingDecisionSchema,
  RoutingPreviewQuery,
  VoiceWebhookBody,
} from './schemas.js';
import { dialNumber, enqueue, gatherPin, tooManyPins, wrongPin } from './twiml.js';
import { Throttle, TooManyAttempts } from '../auth/throttle.js';

const TWIML_PATH = '/api/v1/phone/twiml';
/** The realm of the Basic challenge the voice webhook answers when credentials are missing or wrong. */
export const VOICE_REALM = 'Hourglass voice';

const isUnknownPin = (error: unknown): boolean => error instanceof WrongPin && error.code === 'not_found';

function requireStaff(actor: Actor, action: string): void {
  if (!isStaff(actor)) throw new AppError('forbidden', `Only provider staff may ${action}.`);
}

export const routingRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    // Wrong PINs are counted per provider (the PINs being guessed), whoever sends them, before the PIN is looked up.
    const throttle = new Throttle(deps.db, deps.clock);
    const routeCallThrottled = (providerId: string, pin: string) =>
      throttle.guard([{ scope: 'phone_pin', key: providerId }], () => routeCall(deps.db, deps.registry, providerId, pin, deps.clock.now()), isUnknownPin);

    app.post(
      '/phone/route',
      { schema: { tags: ['phone'], summary: 'Whom a caller who keyed the account PIN is connected to now, and why', body: PinBody, response: { 200: CallRouteSchema } } },
      async (request) => {
        const actor = requireActor(request);
        requireStaff(actor, 'route phone calls');
        return routeCallThrottled(actor.providerId, request.body.pin);
      },
    );

    // Voice webhooks post form-encoded fields: only the webhook takes them (every other route takes JSON only).
    await app.register(async (plain) => {
      const voice = plain.withTypeProvider<ZodTypeProvider>();
      voice.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
        done(null, Object.fromEntries(new URLSearchParams(body as string)));
      });

      voice.post(
        '/phone/twiml',
        {
          config: { basicAuthRealm: VOICE_REALM },
          schema: {
            tags: ['phone'],
            summary: 'Voice webhook: TwiML that asks for the PIN, dials whom routing picks, or says the PIN is wrong',
            description:
              'Signs in with a staff API token: as the password of HTTP Basic credentials, which a voice provider sends from a webhook URL such as ' +
              '`https://voice:<token>@desk.example.com/api/v1/phone/twiml` (the user name is ignored), or as a bearer token. Without valid credentials ' +
              `it answers 401 with \`WWW-Authenticate: Basic realm="${VOICE_REALM}"\`, so the provider retries with them; a customer's token gets 403.`,
            body: VoiceWebhookBody,
          },
        },
        async (request, reply) => {
          const actor = requireActor(request);
          requireStaff(actor, 'route phone calls');
          reply.type('text/xml; charset=utf-8');
          const digits = (request.body.Digits ?? '').replace(/[#*\s]/g, '');
          if (digits === '') return gatherPin(TWIML_PATH);
          if (!/^\d{4,12}$/.test(digits)) return wrongPin(TWIML_PATH);
          try {
            const route = await routeCallThrottled(actor.providerId, digits);
            const connect = route.connect;
            if (connect.kind === 'agent' && connect.phone) return dialNumber(`Connecting you to ${connect.name}.`, connect.phone);
            if (connect.kind === 'team' && connect.phone) return dialNumber(`Connecting you to the ${connect.name} team.`, connect.phone);
            const queue = connect.kind === 'team' ? connect.name : connect.kind === 'agent' ? connect.name : 'support';
            return enqueue('Please hold; the next available engineer will answer.', queue);
          } catch (error) {
            if (error instanceof WrongPin) return wrongPin(TWIML_PATH);
            if (error instanceof TooManyAttempts) return reply.header('retry-after', String(error.retryAfterSeconds)).send(tooManyPins());
            throw error;
          }
        },
      );
    });

    app.get(
      '/accounts/:id/routing',
      { schema: { tags: ['routing'], summary: 'Whom a new ticket of the account would be assigned to now, and why', params: IdParams, querystring: RoutingPreviewQuery, response: { 200: RoutingDecisionSchema } } },
      async (request) => {
        const actor = requireActor(request);
        requireStaff(actor, 'preview routing');
        const found = await deps.db.selectFrom('accounts').select(['id', 'languages']).where('id', '=', request.params.id).where('provider_id', '=', actor.providerId).executeTakeFirst();
        if (!found) throw notFound('account');
        const account = await loadRoutedAccount(deps.db, found.id);
        return routeFor(deps.db, deps.registry, account, { language: request.query.language ?? found.languages[0] ?? 'en', at: deps.clock.now() });
      },
    );

    app.get(
      '/users/:id/out-of-office',
      { schema: { tags: ['routing'], summary: "A staff member's out-of-office ranges", params: IdParams, response: { 200: z.object({ items: z.array(OutOfOfficeSchema) }) } } },
      async (request) => ({ items: await listOutOfOffice(deps, requireActor(request), request.params.id) }),
    );

    app.post(
      '/users/:id/out-of-office',
      {
        schema: {
          tags: ['routing'],
          summary: 'Add an out-of-office range; one already begun hands over the unattended tickets at once',
          params: IdParams,
          body: CreateOutOfOfficeBody,
          response: { 201: OutOfOfficeSchema.extend({ rerouted: z.array(ReroutedSchema) }) },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const result = await deps.db.transaction().execute((trx) => addOutOfOffice(deps, trx, actor, request.params.id, request.body));
        return reply.code(201).send({ ...result.range, rerouted: result.rerouted });
      },
    );

    app.delete(
      '/users/:id/out-of-office/:rangeId',
      { schema: { tags: ['routing'], summary: 'Remove an out-of-office range', params: RangeParams } },
      async (request, reply) => {
        await removeOutOfOffice(deps, requireActor(request), request.params.id, request.params.rangeId);
        return reply.code(204).send();
      },
    );
  };
