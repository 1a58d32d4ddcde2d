/**
 * The shape of a policy pack file: one provider's calendars, priorities, plans, targets, lifecycle
 * rules, channels, languages and intake forms, in versions that each take effect at an instant.
 *
 * A version after the first inherits every top-level key it does not set from the version before
 * it, so a new version only writes what changed. Cross-references (a plan's calendar, a target's
 * priority) are checked after the shape, in `semantics.ts`.
 */
import * as z from 'zod';
import { calendarSchema } from './calendar.js';
import { intakeSchema } from './intake.js';
import {
  channelSchema,
  idSchema,
  instantSchema,
  metricKindSchema,
  targetDurationSchema,
  textSchema,
  TICKET_STATUSES,
} from './primitives.js';
import { strict } from './strict.js';

export const prioritySchema = strict({
  id: idSchema,
  name: textSchema,
  definition: textSchema,
  examples: z.array(textSchema).optional(),
  default: z.boolean().optional().meta({ description: 'The priority a ticket gets when none is chosen; exactly one per version.' }),
  restrictions: strict({
    production_only: z
      .boolean()
      .optional()
      .meta({ description: 'Only for production applications; a non-production project may not choose it.' }),
    reason: textSchema
      .optional()
      .meta({ description: 'Why, in the provider’s terms; the refusal of a non-production ticket quotes it.' }),
  }).optional(),
});

export const metricSchema = strict({
  id: idSchema.meta({ description: 'The name targets use, e.g. first_response, acknowledgment, response.' }),
  kind: metricKindSchema.meta({
    description:
      'What meets it: acknowledgment (first agent acknowledgment, public or not), first_response (first public agent reply), next_update (each further public update), resolution (solved).',
  }),
  name: textSchema.optional(),
  paused_by: z
    .array(z.enum(TICKET_STATUSES))
    .optional()
    .meta({ description: 'Statuses during which this clock stands still (e.g. pending: waiting on the customer).' }),
});

const targetEntrySchema = z.union([
  targetDurationSchema,
  strict({
    duration: targetDurationSchema,
    calendar: idSchema.meta({ description: "A calendar of this version other than the plan's, e.g. 24x7." }),
  }),
]);

export const targetsSchema = z
  .union([z.literal('none'), z.record(z.string(), z.record(z.string(), targetEntrySchema))])
  .meta({
    description:
      'metric -> priority -> duration (on the plan calendar) or {duration, calendar}; "none" for a target-less entry; the whole value "none" for a plan without guarantees.',
  });

export const PLAN_FEATURES = ['escalation', 'phone_line', 'chat_channel', 'account_managers', 'account_reviews'] as const;

export const planSchema = strict({
  id: idSchema,
  name: textSchema,
  description: textSchema.optional(),
  aliases: z.array(idSchema).optional().meta({ description: 'Other ids that mean this plan (exotel: smb for sme).' }),
  calendar: idSchema.meta({ description: 'The calendar whose open hours count toward this plan’s targets.' }),
  includes: z.array(z.enum(PLAN_FEATURES)).optional(),
  targets: targetsSchema,
});

export const lifecycleSchema = strict({
  calendar: idSchema.meta({ description: 'The calendar whose business dates the timers count.' }),
  pending_reminder_business_days: z
    .number()
    .int()
    .positive()
    .meta({ description: 'A ticket pending this many business days gets an automatic reminder to the requester.' }),
  auto_solve_business_days: z
    .number()
    .int()
    .positive()
    .meta({ description: 'A ticket pending this many business days in all, with no reply, is solved automatically.' }),
});

export const languageSchema = strict({
  id: z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, { error: 'a language id is a code such as en, de or pt-BR' }),
  name: textSchema,
  primary: z.boolean().optional(),
});

export const escalationSchema = strict({
  plans: z.array(idSchema).meta({ description: 'Plans whose customers may escalate any unsolved ticket.' }),
  reasons: z
    .array(strict({ id: idSchema, label: textSchema }))
    .min(1, { error: 'an escalation needs at least one reason to choose' }),
  response_target: strict({ duration: targetDurationSchema, calendar: idSchema }).optional(),
  notify: z.array(z.enum(['assignee_manager', 'support_management', 'account_managers'])).optional(),
});

export const partnerTierSchema = strict({
  id: idSchema,
  name: textSchema,
  growth_manager: z.boolean().optional(),
  growth_manager_requires_ticket: z
    .boolean()
    .optional()
    .meta({ description: 'An escalation through the growth manager is only possible for an existing ticket.' }),
});

export const availabilitySchema = strict({
  default_threshold: z.number().gt(0).lte(100).meta({ description: 'Monthly availability promised, in percent.' }),
  packages: z
    .array(
      strict({
        id: idSchema,
        name: textSchema,
        component: idSchema.meta({ description: 'The key of the status component whose threshold the package raises, e.g. mail-send.' }),
        threshold: z.number().gt(0).lte(100).meta({ description: 'Monthly availability promised on that component, in percent, in any month the account holds the package.' }),
      }),
    )
    .optional(),
  partial_outage_share: z
    .number()
    .min(0)
    .max(1)
    .optional()
    .meta({ description: 'The share of partial-outage minutes counted as unavailable (0 to 1); 0.3 when left out.' }),
  credit_percent: z
    .number()
    .gt(0)
    .lte(100)
    .optional()
    .meta({ description: 'The service credit owed for a month below the threshold, in percent of that month’s fee for the component; no credit when left out.' }),
  claim_window_days: z
    .int({ error: 'must be a whole number of days' })
    .min(1)
    .max(366)
    .optional()
    .meta({ description: 'How many days after the month ends a credit may be requested; 30 when left out.' }),
});

export const versionSchema = strict({
  id: idSchema.meta({ description: 'The version’s name, e.g. 2025-04.' }),
  effective_from: instantSchema.meta({ description: 'When this version takes effect; tickets keep the version in force when opened.' }),
  notes: textSchema.optional(),
  calendars: z.array(calendarSchema).optional(),
  priorities: z.array(prioritySchema).optional(),
  metrics: z.array(metricSchema).optional(),
  plans: z.array(planSchema).optional(),
  channels: z
    .array(channelSchema)
    .min(1, { error: 'a version needs at least one channel tickets can arrive through' })
    .optional()
    .meta({ description: 'The channels tickets may arrive through; a ticket on any other is refused. All channels when left out.' }),
  channels_without_sla: z.array(channelSchema).optional().meta({ description: 'Channels whose tickets carry no SLA (chat).' }),
  clock_start: z
    .enum(['on_create', 'on_intake_complete'])
    .optional()
    .meta({ description: 'on_intake_complete: clocks start when the intake form’s required information is complete.' }),
  breach_warning_at: z
    .number()
    .gt(0)
    .lt(1)
    .optional()
    .meta({ description: 'Warn when this fraction of a target’s business time has passed, e.g. 0.75.' }),
  lifecycle: lifecycleSchema.optional(),
  languages: z
    .array(languageSchema)
    .optional()
    .meta({ description: 'The languages support is offered in; a ticket in any other is refused. Any language when left out.' }),
  escalation: escalationSchema.optional(),
  partner_tiers: z.array(partnerTierSchema).optional(),
  availability: availabilitySchema.optional(),
  intake: intakeSchema.optional(),
});

export const packSchema = strict({
  id: idSchema,
  name: textSchema,
  description: textSchema.optional(),
  versions: z.array(versionSchema).min(1, { error: 'a pack needs at least one version' }),
});

export type PriorityData = z.infer<typeof prioritySchema>;
export type MetricData = z.infer<typeof metricSchema>;
export type PlanData = z.infer<typeof planSchema>;
export type LifecycleData = z.infer<typeof lifecycleSchema>;
export type LanguageData = z.infer<typeof languageSchema>;
export type EscalationData = z.infer<typeof escalationSchema>;
export type PartnerTierData = z.infer<typeof partnerTierSchema>;
export type AvailabilityData = z.infer<typeof availabilitySchema>;
export type VersionData = z.infer<typeof versionSchema>;
export type PackData = z.infer<typeof packSchema>;

/** The keys a version inherits from the one before it when it does not set them. */
export const INHERITED_KEYS = [
  'calendars',
  'priorities',
  'metrics',
  'plans',
  'channels',
  'channels_without_sla',
  'clock_start',
  'breach_warning_at',
  'lifecycle',
  'languages',
  'escalation',
  'partner_tiers',
  'availability',
  'intake',
] as const satisfies readonly (keyof VersionData)[];
