import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, instantSchema } from '../http/common-schemas.js';
import type { AppDeps } from '../http/deps.js';
import { respondIdempotently } from '../idempotency/http.js';
import { presentUser } from '../users/present.js';
import { UserSchema } from '../users/schemas.js';
import { getVisibleUser } from '../users/service.js';
import { requireActor } from '../auth/actor.js';
import { SESSION_COOKIE, signIn, signOut } from '../auth/sessions.js';
import { createToken, listTokens, revokeToken } from '../auth/tokens.js';
import { AppError } from '../errors.js';
import { Throttle } from '../auth/throttle.js';

const SignInBody = z.strictObject({ email: z.string().trim().min(1).max(254), password: z.string().min(1).max(200) });
const TokenSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    token_prefix: z.string().describe('The first characters of the token, to recognise it.'),
    created_at: z.string(),
    last_used_at: z.string().nullable(),
    expires_at: z.string().nullable(),
    revoked_at: z.string().nullable(),
  })
  .meta({ id: 'ApiToken' });
const NewTokenSchema = TokenSchema.extend({
  token: z.string().nullable().describe('The secret, shown only in the first answer; null when a retried request is replayed.'),
});
const CreateTokenBody = z.strictObject({ name: z.string().trim().min(1).max(200), expires_at: instantSchema.optional() });

export const authRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const throttle = new Throttle(deps.db, deps.clock);
    const wrongPassword = (error: unknown) => error instanceof AppError && error.code === 'invalid_credentials';

    app.post(
      '/session',
      { schema: { tags: ['auth'], summary: 'Sign in with email and password (sets the session cookie)', security: [], body: SignInBody, response: { 200: z.object({ user: UserSchema, expires_at: z.string() }) } } },
      async (request, reply) => {
        // Counted before the password is checked, by the address typed (known or not) and by the client.
        const session = await throttle.guard(
          [{ scope: 'signin_address', key: request.body.email.toLowerCase() }, { scope: 'signin_ip', key: request.ip }],
          () => signIn(deps.db, deps.clock, request.body.email, request.body.password),
          wrongPassword,
        );
        reply.setCookie(SESSION_COOKIE, session.secret, {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure: request.protocol === 'https',
          expires: session.expiresAt,
        });
        return { user: presentUser(session.user), expires_at: session.expiresAt.toISOString() };
      },
    );

    app.delete('/session', { schema: { tags: ['auth'], summary: 'Sign out', response: { 204: z.undefined() } } }, async (request, reply) => {
      const secret = request.cookies[SESSION_COOKIE];
      if (secret) await signOut(deps.db, secret);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send();
    });

    app.get('/me', { schema: { tags: ['auth'], summary: 'The signed-in user', response: { 200: UserSchema } } }, async (request) => {
      const actor = requireActor(request);
      return presentUser(await getVisibleUser(deps.db, actor, actor.userId));
    });

    app.get('/tokens', { schema: { tags: ['auth'], summary: 'Your API tokens', response: { 200: z.object({ items: z.array(TokenSchema) }) } } }, async (request) => ({
      items: await listTokens(deps.db, requireActor(request).userId),
    }));

    app.post(
      '/tokens',
      { schema: { tags: ['auth'], summary: 'Create an API token (the secret is shown once)', body: CreateTokenBody, response: { 201: NewTokenSchema } } },
      async (request, reply) => {
        const actor = requireActor(request);
        return throttle.guard(
          [{ scope: 'token_create', key: actor.userId }],
          () =>
            respondIdempotently<z.infer<typeof NewTokenSchema>>(deps, actor, request, reply, async (trx) => {
              const { token, secret } = await createToken(trx, deps.clock, actor.userId, request.body);
              return { status: 201, body: { ...token, token: secret }, replayBody: { ...token, token: null } };
            }),
          () => false,
        );
      },
    );

    app.delete('/tokens/:id', { schema: { tags: ['auth'], summary: 'Revoke one of your API tokens', params: IdParams, response: { 204: z.undefined() } } }, async (request, reply) => {
      await revokeToken(deps.db, deps.clock, requireActor(request).userId, request.params.id);
      return reply.code(204).send();
    });
  };
