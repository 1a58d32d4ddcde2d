import { intakeFormSchema, type IntakeFormData } from '@hourglass/policy';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../errors.js';
import { instantSchema } from '../http/common-schemas.js';
import type { AppDeps } from '../http/deps.js';
import { formsOf } from '../tickets/intake.js';

const IntakeFormsQuery = z.strictObject({
  pack: z.string().min(1).max(100).describe('A policy pack id: twilio, 360dialog or exotel.'),
  at: instantSchema.optional().describe('The instant whose pack version to read (default: now).'),
});

const IntakeFormsSchema = z
  .object({
    pack_id: z.string(),
    pack_version: z.string(),
    clock_start: z.enum(['on_create', 'on_intake_complete']),
    sid_format: z.object({ hex_length: z.number(), kinds: z.record(z.string(), z.string()) }).nullable(),
    forms: z.array(intakeFormSchema).describe('The forms, as the pack defines them.'),
  })
  .meta({ id: 'IntakeForms' });

/** The product intake forms of a pack, as data a client can render (the same data tickets are checked against). */
export const intakeFormRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/intake-forms',
      { schema: { tags: ['intake'], summary: 'The intake forms of a policy pack', security: [], querystring: IntakeFormsQuery, response: { 200: IntakeFormsSchema } } },
      async (request) => {
        const packIds = deps.registry.packIds();
        if (!packIds.includes(request.query.pack)) {
          throw new AppError('validation_failed', undefined, [
            {
              path: 'querystring.pack',
              message: `Unknown policy pack "${request.query.pack}"; use one of ${packIds.join(', ')}.`,
              text: { id: 'error.pack.unknown', values: { pack: request.query.pack }, lists: { packs: { items: packIds, type: 'unit' } } },
            },
          ]);
        }
        const at = request.query.at === undefined ? deps.clock.now() : Date.parse(request.query.at);
        const version = deps.registry.pack(request.query.pack).versionAt(at);
        return {
          pack_id: version.packId,
          pack_version: version.id,
          clock_start: version.clockStart,
          sid_format: version.intake?.sid_format ?? null,
          // The pack's own form data (read-only in the catalog), as the policy schema describes it.
          forms: formsOf(version).map((form) => JSON.parse(JSON.stringify(form)) as IntakeFormData),
        };
      },
    );
  };
