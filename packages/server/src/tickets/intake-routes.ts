import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { type Actor, requireActor } from '../auth/actor.js';
import { TICKET_COLUMNS, type Database, type Ticket } from '../db/schema.js';
import { AppError } from '../errors.js';
import { IdParams, isoOrNull } from '../http/common-schemas.js';
import type { AppDeps } from '../http/deps.js';
import { requestLocale } from '../http/error-language.js';
import type { Locale } from '../i18n/index.js';
import { getVisibleTicket, recordEvent } from './access.js';
import { versionOf } from './clocks.js';
import { checkIntake, findForm, formsOf, intakeStateOf, presentWarnings } from './intake.js';
import { presentTicket } from './present.js';
import { refreshClocks } from './refresh.js';
import { intakeValues, TicketSchema } from './schemas.js';

const tags = ['tickets'];

const GapSchema = z.object({
  field: z.string().describe('The field id; `product` when no form (product or topic) is chosen yet; `form` for the form as a whole.'),
  label: z.string().describe("The field's label from the pack's intake form."),
  message: z.string().describe('What is needed, in plain words.'),
  code: z
    .string()
    .nullable()
    .describe("The intake rule's verdict (`intake.examples.tooFew`, `intake.recency.tooOld`, …), the same code a client's copy of the rules gives; null for the choice of a form."),
  args: z
    .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string()).readonly()]))
    .describe("The verdict's arguments (durations in milliseconds), for phrasing it in the reader's language."),
});

const IntakeStatusSchema = z
  .object({
    ticket_id: z.string(),
    clock_start: z.enum(['on_create', 'on_intake_complete']).describe('on_intake_complete: the response clocks start when the intake becomes complete.'),
    complete: z.boolean(),
    completed_at: z.string().nullable(),
    form: z.object({ id: z.string(), name: z.string() }).nullable().describe('The chosen form (product or topic); null when none is chosen.'),
    forms: z.array(z.object({ id: z.string(), name: z.string() })).describe("The forms of the ticket's pack version, to choose from."),
    values: z.record(z.string(), z.unknown()),
    missing: z.array(GapSchema).describe('What the intake still needs before it is complete; empty when complete.'),
    notes: z.array(GapSchema).describe('Advice on the values given.'),
  })
  .meta({ id: 'TicketIntake' });

const CompleteIntakeBody = z.strictObject({
  product: z.string().min(1).max(100).optional().describe("Chooses (or changes) the form; values of the previous form's fields that the new one lacks are dropped."),
  values: intakeValues.optional().describe('Field values to add or replace, by field id; the values already given stay. null removes a value.'),
});

const IntakeAnswerSchema = z.object({ ticket: TicketSchema, intake: IntakeStatusSchema }).meta({ id: 'TicketIntakeChange' });

type Db = Kysely<Database>;

function presentIntake(deps: AppDeps, ticket: Ticket) {
  const version = versionOf(deps.registry, ticket);
  const state = intakeStateOf(version, ticket);
  return {
    ticket_id: ticket.id,
    clock_start: version.clockStart,
    complete: ticket.intake_complete,
    completed_at: isoOrNull(ticket.intake_completed_at),
    form: state.form,
    forms: formsOf(version).map((f) => ({ id: f.id, name: f.name })),
    values: ticket.intake,
    missing: ticket.intake_complete ? [] : state.missing,
    notes: state.notes,
  };
}

/**
 * Adds the missing details of a ticket's intake, checked by the same rules as a new ticket's
 * (measured back from the ticket's opening). When they make it complete, the clocks that waited
 * for it start now; the change is in the ticket's history.
 */
async function completeIntake(deps: AppDeps, trx: Db, actor: Actor, id: string, input: z.infer<typeof CompleteIntakeBody>, locale: Locale) {
  const now = deps.clock.now();
  const ticket = await getVisibleTicket(trx, actor, id, true);
  if (ticket.status === 'closed') {
    throw new AppError('ticket_closed', undefined, [{ path: 'body', message: 'A closed ticket cannot change; open a follow-up ticket instead.' }]);
  }
  const version = versionOf(deps.registry, ticket);
  const product = input.product ?? ticket.product;
  if (product === null) {
    const forms = formsOf(version).map((f) => `${f.id} (${f.name})`);
    const names = forms.join(', ');
    throw new AppError('validation_failed', undefined, [
      names
        ? { path: 'body.product', message: `Choose what the ticket is about: one of ${names}.`, text: { id: 'error.intake.chooseForm', lists: { forms: { items: forms, type: 'unit' } } } }
        : { path: 'body.product', message: "This ticket's plan has no intake forms; there is nothing to complete." },
    ]);
  }
  const form = findForm(version, product, 'body.product');
  const kept = product === ticket.product ? ticket.intake : pick(ticket.intake, form.fields.map((f) => f.id));
  const values = merge(kept, input.values ?? {});
  const outcome = checkIntake(version, form, values, ticket.created_at.getTime(), 'body.values');
  const completedAt = ticket.intake_completed_at ?? (outcome.complete ? new Date(now) : null);
  const updated = await trx
    .updateTable('tickets')
    .set({ product, intake: JSON.stringify(values), intake_complete: completedAt !== null, intake_completed_at: completedAt, updated_at: new Date(now) })
    .where('id', '=', ticket.id)
    .returning(TICKET_COLUMNS)
    .executeTakeFirstOrThrow();
  await recordEvent(trx, {
    ticketId: ticket.id,
    actorId: actor.userId,
    type: 'updated',
    before: { product: ticket.product, intake: ticket.intake, intake_complete: ticket.intake_complete },
    after: { product, intake: values, intake_complete: updated.intake_complete },
    at: now,
  });
  const refreshed = await refreshClocks(deps, trx, updated);
  return {
    ticket: presentTicket(refreshed.ticket, refreshed.targets, presentWarnings('body.values', outcome.warnings, locale)),
    intake: presentIntake(deps, refreshed.ticket),
  };
}

function pick(values: Readonly<Record<string, unknown>>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([key]) => keys.includes(key)));
}

/** The stored values with the new ones over them; null or an empty text removes a value. */
function merge(values: Readonly<Record<string, unknown>>, changes: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const result: Record<string, unknown> = { ...values };
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || (typeof value === 'string' && value.trim() === '')) delete result[key];
    else result[key] = value;
  }
  return result;
}

/** A ticket's intake: what it still needs, in words, and a way for its account's users and staff to complete it. */
export const ticketIntakeRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/tickets/:id/intake',
      { schema: { tags, summary: "A ticket's intake: the chosen form, the values, and what is still missing (in words)", params: IdParams, response: { 200: IntakeStatusSchema } } },
      async (request) => presentIntake(deps, await getVisibleTicket(deps.db, requireActor(request), request.params.id)),
    );
    app.patch(
      '/tickets/:id/intake',
      {
        schema: {
          tags,
          summary: 'Complete the intake of a ticket (its account users and staff): same rules as a new ticket; clocks waiting for it start now',
          params: IdParams,
          body: CompleteIntakeBody,
          response: { 200: IntakeAnswerSchema },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        return deps.db.transaction().execute((trx) => completeIntake(deps, trx, actor, request.params.id, request.body, requestLocale(request)));
      },
    );
  };
