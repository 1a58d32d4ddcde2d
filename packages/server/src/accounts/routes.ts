import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../auth/actor.js';
import { IdParams } from '../http/common-schemas.js';
import type { AppDeps } from '../http/deps.js';
import { pageOf } from '../http/pagination.js';
import { respondIdempotently } from '../idempotency/http.js';
import { AccountSchema, CreateAccountBody, ListAccountsQuery, NewProjectBody, ProjectSchema, UpdateAccountBody } from './schemas.js';
import { addProject, createAccount, getVisibleAccount, listAccounts, listProjects, updateAccount, viewAccount } from './service.js';

const tags = ['accounts'];

export const accountRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/accounts',
      { schema: { tags, summary: 'List customer accounts', querystring: ListAccountsQuery, response: { 200: pageOf(AccountSchema) } } },
      async (request) => listAccounts(deps.db, requireActor(request), request.query),
    );

    app.get('/accounts/:id', { schema: { tags, summary: 'Get an account with its projects', params: IdParams, response: { 200: AccountSchema } } }, async (request) =>
      viewAccount(deps.db, await getVisibleAccount(deps.db, requireActor(request), request.params.id)),
    );

    app.post(
      '/accounts',
      { schema: { tags, summary: 'Create a customer account', body: CreateAccountBody, response: { 201: AccountSchema } } },
      async (request, reply) => {
        const actor = requireActor(request);
        return respondIdempotently(deps, actor, request, reply, async (trx) => ({
          status: 201,
          body: await createAccount(deps, trx, actor, request.body),
        }));
      },
    );

    app.patch(
      '/accounts/:id',
      { schema: { tags, summary: 'Update a customer account', params: IdParams, body: UpdateAccountBody, response: { 200: AccountSchema } } },
      async (request) => updateAccount(deps, requireActor(request), request.params.id, request.body),
    );

    app.get(
      '/accounts/:id/projects',
      { schema: { tags, summary: "List an account's projects", params: IdParams, response: { 200: z.object({ items: z.array(ProjectSchema) }) } } },
      async (request) => ({ items: await listProjects(deps.db, requireActor(request), request.params.id) }),
    );

    app.post(
      '/accounts/:id/projects',
      { schema: { tags, summary: 'Add a project to an account', params: IdParams, body: NewProjectBody, response: { 201: ProjectSchema } } },
      async (request, reply) => {
        const actor = requireActor(request);
        return respondIdempotently(deps, actor, request, reply, async (trx) => ({
          status: 201,
          body: await addProject(trx, deps.clock, actor, request.params.id, request.body),
        }));
      },
    );
  };
