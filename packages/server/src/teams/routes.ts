import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../auth/actor.js';
import { IdParams } from '../http/common-schemas.js';
import type { AppDeps } from '../http/deps.js';
import { pageOf } from '../http/pagination.js';
import { respondIdempotently } from '../idempotency/http.js';
import { CreateTeamBody, ListTeamsQuery, TeamSchema, UpdateTeamBody } from './schemas.js';
import { createTeam, getTeam, listTeams, updateTeam } from './service.js';

const tags = ['teams'];

export const teamRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/teams', { schema: { tags, summary: 'List teams', querystring: ListTeamsQuery, response: { 200: pageOf(TeamSchema) } } }, async (request) =>
      listTeams(deps.db, requireActor(request), request.query),
    );

    app.get('/teams/:id', { schema: { tags, summary: 'Get a team', params: IdParams, response: { 200: TeamSchema } } }, async (request) =>
      getTeam(deps.db, requireActor(request), request.params.id),
    );

    app.post('/teams', { schema: { tags, summary: 'Create a team', body: CreateTeamBody, response: { 201: TeamSchema } } }, async (request, reply) => {
      const actor = requireActor(request);
      return respondIdempotently(deps, actor, request, reply, async (trx) => ({
        status: 201,
        body: await createTeam(trx, deps.clock, actor, request.body),
      }));
    });

    app.patch(
      '/teams/:id',
      { schema: { tags, summary: 'Update a team', params: IdParams, body: UpdateTeamBody, response: { 200: TeamSchema } } },
      async (request) => updateTeam(deps.db, deps.clock, requireActor(request), request.params.id, request.body),
    );
  };
