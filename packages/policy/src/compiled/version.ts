/**
 * One version of a pack, ready to answer: calendars compiled on first use, plans by id or alias,
 * and the target of any plan × priority × metric.
 */
import { compileCalendar, parseDuration, type Duration, type Schedule } from '@hourglass/engine';
import { listIds, PolicyError } from '../errors.js';
import type { CalendarData } from '../schema/calendar.js';
import type { IntakeData } from '../schema/intake.js';
import type {
  AvailabilityData,
  EscalationData,
  LanguageData,
  LifecycleData,
  MetricData,
  PartnerTierData,
  PlanData,
  VersionData,
} from '../schema/pack.js';

export interface Priority {
  id: string;
  name: string;
  definition: string;
  examples: string[];
  default: boolean;
  production_only: boolean;
  /** Why the priority is for production only, in the provider's terms; `null` when the pack gives none. */
  restriction_reason: string | null;
}

export interface Metric {
  id: string;
  kind: MetricData['kind'];
  name: string;
  paused_by: string[];
}

export interface Plan {
  id: string;
  name: string;
  description: string | undefined;
  aliases: string[];
  calendar: string;
  includes: string[];
}

/** A target as a ticket uses it: how long, counted on which calendar. */
export interface ResolvedTarget {
  metric: string;
  duration: Duration;
  calendarId: string;
  calendar: Schedule;
}

export class CompiledPackVersion {
  readonly packId: string;
  readonly id: string;
  readonly effectiveFrom: number;
  /** The version's data with inherited keys filled in. */
  readonly spec: VersionData;
  readonly priorities: Priority[];
  readonly metrics: Metric[];
  readonly plans: Plan[];
  readonly defaultPriority: string;
  readonly clockStart: 'on_create' | 'on_intake_complete';
  readonly channels: string[];
  readonly channelsWithoutSla: string[];
  readonly breachWarningAt: number | null;
  readonly lifecycle: LifecycleData | null;
  readonly languages: LanguageData[];
  readonly escalation: EscalationData | null;
  readonly partnerTiers: PartnerTierData[];
  readonly availability: AvailabilityData | null;
  readonly intake: IntakeData | null;

  private readonly calendarData = new Map<string, CalendarData>();
  private readonly schedules = new Map<string, Schedule>();
  private readonly planByName = new Map<string, PlanData>();
  private readonly targetCache = new Map<string, ResolvedTarget | null>();

  constructor(packId: string, spec: VersionData, effectiveFrom: number) {
    this.packId = packId;
    this.id = spec.id;
    this.effectiveFrom = effectiveFrom;
    this.spec = spec;
    for (const cal of spec.calendars ?? []) this.calendarData.set(cal.id, cal);
    for (const plan of spec.plans ?? []) {
      this.planByName.set(plan.id, plan);
      for (const alias of plan.aliases ?? []) this.planByName.set(alias, plan);
    }
    this.priorities = (spec.priorities ?? []).map((p) => ({
      id: p.id,
      name: p.name,
      definition: p.definition,
      examples: p.examples ?? [],
      default: p.default === true,
      production_only: p.restrictions?.production_only === true,
      restriction_reason: p.restrictions?.reason ?? null,
    }));
    this.metrics = (spec.metrics ?? []).map((m) => ({ id: m.id, kind: m.kind, name: m.name ?? m.id, paused_by: m.paused_by ?? [] }));
    this.plans = (spec.plans ?? []).map((p) => ({
      id: p.id,
      name: p.name,
      description: p.description,
      aliases: p.aliases ?? [],
      calendar: p.calendar,
      includes: p.includes ?? [],
    }));
    this.defaultPriority = this.priorities.find((p) => p.default)?.id ?? this.priorities[0]?.id ?? '';
    this.clockStart = spec.clock_start ?? 'on_create';
    this.channels = spec.channels ?? ['web', 'api', 'email', 'phone', 'chat'];
    this.channelsWithoutSla = spec.channels_without_sla ?? [];
    this.breachWarningAt = spec.breach_warning_at ?? null;
    this.lifecycle = spec.lifecycle ?? null;
    this.languages = spec.languages ?? [];
    this.escalation = spec.escalation ?? null;
    this.partnerTiers = spec.partner_tiers ?? [];
    this.availability = spec.availability ?? null;
    this.intake = spec.intake ?? null;
  }

  private get label(): string {
    return `${this.packId} version ${this.id}`;
  }

  calendarIds(): string[] {
    return [...this.calendarData.keys()];
  }

  calendar(id: string): Schedule {
    let schedule = this.schedules.get(id);
    if (schedule) return schedule;
    const data = this.calendarData.get(id);
    if (!data) {
      throw new PolicyError('unknown_calendar', `unknown calendar "${id}" in ${this.label}; known calendars: ${listIds(this.calendarIds())}`);
    }
    schedule = compileCalendar(data);
    this.schedules.set(id, schedule);
    return schedule;
  }

  planIds(): string[] {
    return this.plans.map((p) => p.id);
  }

  /** A plan by id or alias. */
  plan(idOrAlias: string): Plan {
    const data = this.planByName.get(idOrAlias);
    if (!data) throw this.unknownPlan(idOrAlias);
    return this.plans.find((p) => p.id === data.id)!;
  }

  private unknownPlan(id: string): PolicyError {
    const aliases = this.plans.flatMap((p) => p.aliases.map((a) => `${a} (= ${p.id})`));
    return new PolicyError('unknown_plan', `unknown plan "${id}" for policy "${this.packId}"; plans: ${listIds([...this.planIds(), ...aliases])}`);
  }

  priority(id: string): Priority {
    const found = this.priorities.find((p) => p.id === id);
    if (!found) {
      throw new PolicyError('unknown_priority', `unknown priority "${id}" for policy "${this.packId}"; priorities: ${listIds(this.priorities.map((p) => p.id))}`);
    }
    return found;
  }

  metric(id: string): Metric {
    const found = this.metrics.find((m) => m.id === id);
    if (!found) {
      throw new PolicyError('unknown_metric', `unknown metric "${id}" for policy "${this.packId}"; metrics: ${listIds(this.metrics.map((m) => m.id))}`);
    }
    return found;
  }

  /** The target of `plan` (id or alias) × `priority` × `metric`, or null where the plan guarantees nothing. */
  resolveTarget(plan: string, priority: string, metric: string): ResolvedTarget | null {
    const key = `${plan}\u0000${priority}\u0000${metric}`;
    if (this.targetCache.has(key)) return this.targetCache.get(key)!;
    const planData = this.planByName.get(plan);
    if (!planData) throw this.unknownPlan(plan);
    this.priority(priority);
    this.metric(metric);
    let resolved: ResolvedTarget | null = null;
    const entry = planData.targets === 'none' ? 'none' : planData.targets[metric]?.[priority];
    if (entry !== undefined && entry !== 'none') {
      const text = typeof entry === 'string' ? entry : entry.duration;
      const calendarId = typeof entry === 'string' ? planData.calendar : entry.calendar;
      if (text !== 'none') {
        resolved = { metric, duration: parseDuration(text), calendarId, calendar: this.calendar(calendarId) };
      }
    }
    this.targetCache.set(key, resolved);
    return resolved;
  }

  /** Every metric's target for a plan and priority, in the pack's metric order. */
  targetsFor(plan: string, priority: string): { metric: Metric; target: ResolvedTarget | null }[] {
    return this.metrics.map((metric) => ({ metric, target: this.resolveTarget(plan, priority, metric.id) }));
  }
}
