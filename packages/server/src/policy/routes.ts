/**
 * The policy packs as data: their versions, plans, priorities, metrics and calendars, and a
 * calendar's next open periods, so clients can show definitions and opening hours.
 */
import type { Schedule } from '@hourglass/engine';
import { formatDuration, formatInstant, MAX_INSTANT, MIN_INSTANT } from '@hourglass/engine';
import { MAX_PACK_BYTES, parsePack } from '@hourglass/policy';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor, requireRole } from '../auth/actor.js';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { instantSchema } from '../http/common-schemas.js';
import type { AppDeps } from '../http/deps.js';
import type { CatalogPack, CatalogPackVersion } from './catalog.js';

const tags = ['policies'];
const DAY = 86_400_000;

const PrioritySchema = z.object({
  id: z.string(),
  name: z.string(),
  definition: z.string(),
  examples: z.array(z.string()),
  default: z.boolean(),
  production_only: z.boolean(),
});
const EscalationPolicySchema = z
  .object({
    plans: z.array(z.string()).describe('The plans whose customers may escalate through support.'),
    reasons: z.array(z.object({ id: z.string(), label: z.string() })).describe('The reasons a customer chooses from.'),
    response_target: z.object({ duration: z.string(), calendar: z.string() }).nullable().describe("The escalation's own response target, or null when it has none."),
  })
  .meta({ id: 'EscalationPolicy' });
const PartnerTierSchema = z.object({ id: z.string(), name: z.string(), growth_manager: z.boolean(), growth_manager_requires_ticket: z.boolean() });
const TargetSchema = z.object({
  plan: z.string(),
  priority: z.string(),
  metric: z.string(),
  duration: z.string().nullable().describe('The target as working time, e.g. 2h or 1h 30m; null: no target.'),
  duration_ms: z.number().nullable(),
  calendar: z.string().nullable().describe('The calendar the target is counted on; null: no target.'),
});
const VersionSchema = z
  .object({
    id: z.string(),
    effective_from: z.string(),
    priorities: z.array(PrioritySchema),
    plans: z.array(z.object({ id: z.string(), name: z.string(), aliases: z.array(z.string()), calendar: z.string(), includes: z.array(z.string()) })),
    metrics: z.array(z.object({ id: z.string(), kind: z.string(), name: z.string(), paused_by: z.array(z.string()) })),
    calendars: z.array(z.object({ id: z.string(), name: z.string(), zone: z.string(), always_open: z.boolean() })),
    channels_without_sla: z.array(z.string()),
    clock_start: z.enum(['on_create', 'on_intake_complete']),
    languages: z.array(z.object({ id: z.string(), name: z.string(), primary: z.boolean() })),
    escalation: EscalationPolicySchema.nullable().describe('Who may escalate, with which reasons and response target; null when the version has no escalation.'),
    partner_tiers: z.array(PartnerTierSchema).describe('Partner tiers, and whether they have a growth manager to escalate through.'),
    targets: z.array(TargetSchema).describe('Every plan × priority × metric with its target; duration null where the plan guarantees nothing.'),
  })
  .meta({ id: 'PolicyVersion' });
const PolicySchema = z
  .object({ id: z.string(), name: z.string(), current_version: z.string(), versions: z.array(VersionSchema) })
  .meta({ id: 'Policy' });

const ValidateBody = z.strictObject({
  file: z.string().min(1).max(200).default('pack.yaml').describe('The file name to report problems against.'),
  text: z
    .string()
    .max(MAX_PACK_BYTES, `A policy pack may be at most ${MAX_PACK_BYTES / 1024} KiB (${MAX_PACK_BYTES} bytes); this text is longer.`)
    .describe(`The YAML text of a policy pack (at most ${MAX_PACK_BYTES / 1024} KiB).`),
});
const ValidationSchema = z
  .object({
    valid: z.boolean(),
    pack: z.object({ id: z.string(), name: z.string(), versions: z.array(z.string()), plans: z.array(z.string()), calendars: z.array(z.string()) }).nullable(),
    problems: z.array(z.object({ file: z.string(), path: z.string(), line: z.number().nullable(), column: z.number().nullable(), message: z.string() })),
  })
  .meta({ id: 'PolicyValidation' });

const PackParams = z.strictObject({ pack: z.string().min(1).max(100) });
const CalendarParams = z.strictObject({ pack: z.string().min(1).max(100), calendar: z.string().min(1).max(100) });
/** The calendar engine computes instants of the years 1800 to 2499 and reads the local days around a range, so a week is kept clear at both ends. */
const FIRST_LISTED = MIN_INSTANT + 7 * DAY;
const LAST_LISTED = MAX_INSTANT - 7 * DAY;
const FIRST_DAY = formatInstant(FIRST_LISTED, 'UTC').slice(0, 10);
const LAST_DAY = formatInstant(LAST_LISTED, 'UTC').slice(0, 10);
const OpenPeriodsQuery = z
  .strictObject({
    from: instantSchema.optional().describe(`Where to start (default: now); calendars are listed from ${FIRST_DAY} to ${LAST_DAY} (UTC).`),
    days: z.coerce.number().int().min(1).max(62).default(14).describe('How many days to list (1 to 62).'),
  })
  .superRefine((query, ctx) => {
    if (query.from === undefined) return;
    const from = Date.parse(query.from);
    if (from < FIRST_LISTED || from + query.days * DAY > LAST_LISTED) {
      ctx.addIssue({
        code: 'custom',
        path: ['from'],
        message: `Calendars are listed from ${FIRST_DAY} to ${LAST_DAY} (UTC); choose "from" so that it and the ${query.days} days after it lie in that range.`,
      });
    }
  });
const OpenPeriodsSchema = z
  .object({
    pack_id: z.string(),
    pack_version: z.string(),
    calendar: z.object({ id: z.string(), name: z.string(), zone: z.string(), always_open: z.boolean() }),
    from: z.string(),
    to: z.string(),
    open_at_from: z
      .boolean()
      .describe("Whether the calendar is open at `from` (without `from`: at the service's now). When it is, the first open period is the one in progress, clipped to start at `from`."),
    open: z.array(z.object({ start: z.string(), end: z.string() })).describe('The open periods inside [from, to), clipped to it.'),
    holidays: z.array(z.object({ date: z.string(), name: z.string() })),
  })
  .meta({ id: 'CalendarOpenPeriods' });

function presentVersion(version: CatalogPackVersion) {
  return {
    id: version.id,
    effective_from: formatInstant(version.effectiveFrom, 'UTC'),
    priorities: version.priorities.map((p) => ({
      id: p.id,
      name: p.name,
      definition: p.definition,
      examples: [...p.examples],
      default: p.default,
      production_only: p.production_only === true,
    })),
    plans: version.plans.map((p) => ({ id: p.id, name: p.name, aliases: [...p.aliases], calendar: p.calendar, includes: [...p.includes] })),
    metrics: version.metrics.map((m) => ({ id: m.id, kind: m.kind, name: m.name, paused_by: [...m.paused_by] })),
    calendars: version.calendarIds().map((id) => presentCalendar(version.calendar(id))),
    channels_without_sla: [...version.channelsWithoutSla],
    clock_start: version.clockStart,
    languages: version.languages.map((l) => ({ id: l.id, name: l.name, primary: l.primary === true })),
    escalation: presentEscalationPolicy(version),
    partner_tiers: version.partnerTiers.map((t) => ({
      id: t.id,
      name: t.name,
      growth_manager: t.growth_manager === true,
      growth_manager_requires_ticket: t.growth_manager_requires_ticket === true,
    })),
    targets: presentTargets(version),
  };
}

/** The target grid of a version: plans × priorities × metrics, in the pack's order. */
function presentTargets(version: CatalogPackVersion) {
  return version.plans.flatMap((plan) =>
    version.priorities.flatMap((priority) =>
      version.targetsFor(plan.id, priority.id).map(({ metric, target }) => ({
        plan: plan.id,
        priority: priority.id,
        metric: metric.id,
        duration: target ? formatDuration(target.duration) : null,
        duration_ms: target ? target.duration : null,
        calendar: target ? target.calendarId : null,
      })),
    ),
  );
}

function presentEscalationPolicy(version: CatalogPackVersion) {
  const escalation = version.escalation;
  if (escalation === null) return null;
  const target = escalation.response_target;
  return {
    plans: [...escalation.plans],
    reasons: escalation.reasons.map((r) => ({ id: r.id, label: r.label })),
    response_target: target && target.duration !== 'none' ? { duration: target.duration, calendar: target.calendar } : null,
  };
}

function presentCalendar(schedule: Schedule) {
  return { id: schedule.id, name: schedule.name, zone: schedule.zone, always_open: schedule.alwaysOpen };
}

function presentPack(pack: CatalogPack, now: number) {
  let current: string;
  try {
    current = pack.versionAt(now).id;
  } catch {
    current = pack.versions[0]!.id;
  }
  return { id: pack.id, name: pack.name, current_version: current, versions: pack.versions.map(presentVersion) };
}

function packOf(deps: AppDeps, id: string): CatalogPack {
  const ids = deps.registry.packIds();
  if (!ids.includes(id)) throw new AppError('not_found', `There is no policy pack "${id}"; packs: ${ids.join(', ')}.`);
  return deps.registry.pack(id);
}

export const policyRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/policies',
      { schema: { tags, summary: 'The policy packs with their versions', security: [], response: { 200: z.object({ items: z.array(PolicySchema) }) } } },
      async () => ({ items: deps.registry.packIds().map((id) => presentPack(deps.registry.pack(id), deps.clock.now())) }),
    );
    app.post(
      '/policies/validate',
      { schema: { tags, summary: 'Check a policy pack file and list every problem with its line', body: ValidateBody, response: { 200: ValidationSchema } } },
      async (request) => {
        requireRole(requireActor(request), ['admin', 'manager'], 'validate policy packs');
        const result = parsePack(request.body.text, request.body.file);
        if (!result.ok && result.limit !== undefined) {
          // Refused for its size or shape before it was checked: the request is at fault, not the pack's content.
          const problem = result.problems[0]!;
          const where = problem.path || (problem.line === undefined ? '' : `line ${problem.line}`);
          throw new AppError('validation_failed', `The pack was not checked: ${problem.message}`, [
            { path: 'body.text', message: where ? `${where}: ${problem.message}` : problem.message },
          ]);
        }
        if (!result.ok) {
          return {
            valid: false,
            pack: null,
            problems: result.problems.map((p) => ({ file: p.file, path: p.path, line: p.line ?? null, column: p.column ?? null, message: p.message })),
          };
        }
        const latest = result.pack.latest;
        return {
          valid: true,
          pack: { id: result.pack.id, name: result.pack.name, versions: result.pack.versions.map((v) => v.id), plans: latest.planIds(), calendars: latest.calendarIds() },
          problems: [],
        };
      },
    );
    app.get(
      '/policies/:pack',
      { schema: { tags, summary: 'One policy pack with its versions', security: [], params: PackParams, response: { 200: PolicySchema } } },
      async (request) => presentPack(packOf(deps, request.params.pack), deps.clock.now()),
    );
    app.get(
      '/policies/:pack/calendars/:calendar/open-periods',
      {
        schema: {
          tags,
          summary: "A calendar's open periods and holidays over the next days",
          security: [],
          params: CalendarParams,
          querystring: OpenPeriodsQuery,
          response: { 200: OpenPeriodsSchema },
        },
      },
      async (request) => {
        const from = request.query.from === undefined ? deps.clock.now() : Date.parse(request.query.from);
        const version = packOf(deps, request.params.pack).versionAt(from);
        if (!version.calendarIds().includes(request.params.calendar)) {
          throw new AppError('not_found', `Pack "${version.packId}" has no calendar "${request.params.calendar}"; calendars: ${version.calendarIds().join(', ')}.`);
        }
        const schedule = version.calendar(request.params.calendar);
        const to = from + request.query.days * DAY;
        const fmt = (t: number) => formatInstant(t, schedule.zone);
        return {
          pack_id: version.packId,
          pack_version: version.id,
          calendar: presentCalendar(schedule),
          from: fmt(from),
          to: fmt(to),
          open_at_from: schedule.isOpen(from),
          open: schedule.openPeriods(from, to).map((s) => ({ start: fmt(s.start), end: fmt(s.end) })),
          holidays: schedule.holidaysBetween(schedule.localDate(from), schedule.localDate(to)),
        };
      },
    );
  };
