/** Computing the answer to a `hourglass sla deadline` question from the policy registry. */
import type { Schedule } from '@hourglass/engine';
import type { CompiledPack, CompiledPackVersion, Plan, PolicyRegistry, Priority } from '@hourglass/policy';
import { UsageError } from '../../errors.js';
import { explainBetween, type DueExplanation } from '../../format/explanation.js';
import { findCalendar } from '../../lookup/calendars.js';
import { chooseVersion } from '../../lookup/versions.js';
import type { Amount, CalendarQuestion, DeadlineQuestion, TargetQuestion } from './question.js';

/** The target found for (plan, priority, metric): its length and the calendar it is counted on. */
export interface TargetFound {
  duration: number;
  calendarId: string;
  calendar: Schedule;
}

export interface TargetAnswer {
  kind: 'target';
  pack: CompiledPack;
  version: CompiledPackVersion;
  plan: Plan;
  priority: Priority;
  /** The priority was not given: the pack's default was used. */
  defaultPriority: boolean;
  metric: string;
  start: number;
  /** Null where the plan guarantees nothing for this priority and metric. */
  target: TargetFound | null;
  due: number | null;
  explanation: DueExplanation | undefined;
}

export interface CalendarAnswer {
  kind: 'calendar';
  pack: CompiledPack;
  version: CompiledPackVersion;
  calendarId: string;
  calendar: Schedule;
  /** The zone instants are shown in (see `findCalendar`). */
  zone: string;
  amount: Amount;
  start: number;
  due: number;
  explanation: DueExplanation | undefined;
}

export type DeadlineAnswer = TargetAnswer | CalendarAnswer;

/** The metric asked for, or the version's only metric; several metrics and none asked is a usage error. */
export function chooseMetric(version: CompiledPackVersion, asked: string | undefined): string {
  if (asked !== undefined) return asked;
  const ids = version.metrics.map((m) => m.id);
  if (ids.length === 1) return ids[0]!;
  throw new UsageError(`--metric is required: pack "${version.packId}" (version ${version.id}) has the metrics ${ids.join(', ')} (e.g. --metric ${ids[0] ?? 'first_response'})`);
}

function answerTarget(registry: PolicyRegistry, q: TargetQuestion): TargetAnswer {
  const pack = registry.pack(q.policy);
  const version = chooseVersion(pack, q.packVersion, q.start);
  const plan = version.plan(q.plan);
  const priority = version.priority(q.priority ?? version.defaultPriority);
  const metric = chooseMetric(version, q.metric);
  const resolved = version.resolveTarget(plan.id, priority.id, metric);
  const target = resolved === null ? null : { duration: resolved.duration, calendarId: resolved.calendarId, calendar: resolved.calendar };
  const due = target === null ? null : target.calendar.addBusinessTime(q.start, target.duration);
  const explanation = target !== null && due !== null && q.explain ? explainBetween(target.calendar, q.start, due) : undefined;
  return { kind: 'target', pack, version, plan, priority, defaultPriority: q.priority === undefined, metric, start: q.start, target, due, explanation };
}

function answerCalendar(registry: PolicyRegistry, q: CalendarQuestion): CalendarAnswer {
  const { pack, version, calendar, zone } = findCalendar(registry, q.calendar, q.policy, q.start, q.packVersion);
  const due = q.amount.unit === 'days' ? calendar.addBusinessDays(q.start, q.amount.days) : calendar.addBusinessTime(q.start, q.amount.ms);
  const explanation = q.explain ? explainBetween(calendar, q.start, due) : undefined;
  return { kind: 'calendar', pack, version, calendarId: q.calendar, calendar, zone, amount: q.amount, start: q.start, due, explanation };
}

export function answerDeadline(registry: PolicyRegistry, question: DeadlineQuestion): DeadlineAnswer {
  return question.kind === 'target' ? answerTarget(registry, question) : answerCalendar(registry, question);
}
