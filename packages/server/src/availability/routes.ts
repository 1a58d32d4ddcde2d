import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor, requireRole } from '../auth/actor.js';
import { IdParams } from '../http/common-schemas.js';
import type { AppDeps } from '../http/deps.js';
import { requestLocale } from '../http/error-language.js';
import { invalid } from '../http/invalid.js';
import { respondIdempotently } from '../idempotency/http.js';
import { requestCredit, setCreditStatus } from './credit-request.js';
import { importFees, listFees, putFees } from './fees.js';
import { parseMonth } from './month.js';
import { listAccountPackages, replaceAccountPackages } from './packages.js';
import {
  AccountAvailabilitySchema,
  AccountPackagesSchema,
  CreditRequestBody,
  CreditRequestSchema,
  CreditStatusBody,
  CreditStatusSchema,
  FeeImportSchema,
  FeesSchema,
  MonthQuery,
  PeriodQuery,
  ProviderAvailabilitySchema,
  PutFeesBody,
  PutPackagesBody,
} from './schemas.js';
import { accountAvailability, periodOf, providerAvailability } from './service.js';

const tags = ['availability'];
/** A fee file is at most 2 MiB. */
export const MAX_FEE_FILE_BYTES = 2 * 1024 * 1024;

/** Availability per component and month, accounts' attainment and credits, packages and fees. */
export const availabilityRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/availability',
      { schema: { tags, summary: 'Availability of every component per month (staff)', querystring: MonthQuery, response: { 200: ProviderAvailabilitySchema } } },
      async (request) => {
        const { month, ...range } = request.query;
        if (month !== undefined && (range.from !== undefined || range.to !== undefined)) throw invalid('querystring.month', 'Give either month or from and to.');
        const one = month === undefined ? null : parseMonth(month);
        return providerAvailability(deps, requireActor(request), one ? { from: one, to: one } : periodOf(range, deps.clock.now()));
      },
    );

    app.get(
      '/accounts/:id/availability',
      {
        schema: {
          tags,
          summary: "An account's attainment per component and month: threshold, shortfall, credit owed and its request",
          params: IdParams,
          querystring: PeriodQuery,
          response: { 200: AccountAvailabilitySchema },
        },
      },
      async (request) => accountAvailability(deps, requireActor(request), request.params.id, periodOf(request.query, deps.clock.now())),
    );

    app.get(
      '/accounts/:id/packages',
      { schema: { tags, summary: "The availability packages an account holds, and those its pack offers (staff)", params: IdParams, response: { 200: AccountPackagesSchema } } },
      async (request) => listAccountPackages(deps, requireActor(request), request.params.id),
    );

    app.put(
      '/accounts/:id/packages',
      { schema: { tags, summary: "Replace an account's availability packages (admin)", params: IdParams, body: PutPackagesBody, response: { 200: AccountPackagesSchema } } },
      async (request) => replaceAccountPackages(deps, requireActor(request), request.params.id, request.body.items),
    );

    app.get(
      '/accounts/:id/fees',
      { schema: { tags, summary: "An account's fees per component and month (staff)", params: IdParams, querystring: PeriodQuery, response: { 200: FeesSchema } } },
      async (request) => listFees(deps, requireActor(request), request.params.id, periodOf(request.query, deps.clock.now())),
    );

    app.put(
      '/accounts/:id/fees',
      { schema: { tags, summary: "Set an account's fees for some components and months (admin)", params: IdParams, body: PutFeesBody, response: { 200: FeesSchema } } },
      async (request) => putFees(deps, requireActor(request), request.params.id, request.body.items),
    );

    app.post(
      '/availability/credit-requests',
      { schema: { tags, summary: 'Request the service credit of a month: opens a ticket carrying the computed figures', body: CreditRequestBody, response: { 201: CreditRequestSchema } } },
      async (request, reply) => {
        const actor = requireActor(request);
        return respondIdempotently(deps, actor, request, reply, async (trx) => ({
          status: 201,
          body: await requestCredit(deps, trx, actor, request.body, requestLocale(request)),
        }));
      },
    );

    app.patch(
      '/availability/credit-requests/:id',
      { schema: { tags, summary: 'Record the outcome of a credit request: credited or declined (managers and admins)', params: IdParams, body: CreditStatusBody, response: { 200: CreditStatusSchema } } },
      async (request) => setCreditStatus(deps, requireActor(request), request.params.id, request.body.status),
    );

    // The fee import takes the CSV file itself as the body (text/csv), and only that.
    await app.register(async (csv) => {
      csv.removeAllContentTypeParsers();
      csv.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: MAX_FEE_FILE_BYTES }, (_request, body, done) => done(null, body));
      csv.post(
        '/availability/fees/import',
        {
          bodyLimit: MAX_FEE_FILE_BYTES,
          // Who may import is decided before the body is read: others are refused whatever they send.
          onRequest: async (request) => requireRole(requireActor(request), ['admin'], 'import fees'),
          schema: {
            tags,
            summary: 'Import fees from CSV (text/csv body: account,component,month,amount,currency; admin); all lines or none',
            response: { 200: FeeImportSchema },
          },
        },
        async (request) => importFees(deps, requireActor(request), typeof request.body === 'string' ? request.body : ''),
      );
    });
  };

