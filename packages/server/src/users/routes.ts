import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../auth/actor.js';
import { IdParams } from '../http/common-schemas.js';
import type { AppDeps } from '../http/deps.js';
import { pageOf } from '../http/pagination.js';
import { respondIdempotently } from '../idempotency/http.js';
import { rerouteIfUnavailable } from '../routing/index.js';
import { presentUser } from './present.js';
import { CreateUserBody, ListUsersQuery, UpdateMeBody, UpdateUserBody, UserSchema } from './schemas.js';
import { createUser, getVisibleUser, listUsers, updateUser } from './service.js';

const tags = ['users'];

export const userRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/users', { schema: { tags, summary: 'List users', querystring: ListUsersQuery, response: { 200: pageOf(UserSchema) } } }, async (request) =>
      listUsers(deps.db, requireActor(request), request.query),
    );

    app.get('/users/:id', { schema: { tags, summary: 'Get a user', params: IdParams, response: { 200: UserSchema } } }, async (request) =>
      presentUser(await getVisibleUser(deps.db, requireActor(request), request.params.id)),
    );

    app.post(
      '/users',
      { schema: { tags, summary: 'Create a user', body: CreateUserBody, response: { 201: UserSchema } } },
      async (request, reply) => {
        const actor = requireActor(request);
        return respondIdempotently(deps, actor, request, reply, async (trx) => ({
          status: 201,
          body: presentUser(await createUser(trx, deps.clock, actor, request.body)),
        }));
      },
    );

    app.patch(
      '/users/:id',
      { schema: { tags, summary: 'Update a user', params: IdParams, body: UpdateUserBody, response: { 200: UserSchema } } },
      async (request) => {
        const actor = requireActor(request);
        // Going offline or out of office hands over the tickets nobody has worked on yet, in the same transaction.
        return deps.db.transaction().execute(async (trx) => {
          const user = await updateUser(trx, deps.clock, actor, request.params.id, request.body);
          await rerouteIfUnavailable(deps, trx, actor, user, request.body);
          return presentUser(user);
        });
      },
    );

    app.patch(
      '/me',
      { schema: { tags, summary: 'Update your own profile (name, password, zone, languages, locale, hours, presence)', body: UpdateMeBody, response: { 200: UserSchema } } },
      async (request) => {
        const actor = requireActor(request);
        return deps.db.transaction().execute(async (trx) => {
          const user = await updateUser(trx, deps.clock, actor, actor.userId, request.body);
          await rerouteIfUnavailable(deps, trx, actor, user, request.body);
          return presentUser(user);
        });
      },
    );
  };
