/** `hourglass sla deadline` answers as text people read and as JSON. */
import { formatDuration, formatInstant } from '@hourglass/engine';
import type { CompiledPackVersion } from '@hourglass/policy';
import { explanationJson, explanationLines } from '../../format/explanation.js';
import { describeInstant } from '../../format/local-time.js';
import { describeCalendar } from '../../format/weekly.js';
import { effectiveFromText } from '../../lookup/versions.js';
import type { CalendarAnswer, DeadlineAnswer, TargetAnswer } from './answer.js';

function row(label: string, text: string): string {
  return `${(label ? `${label}:` : '').padEnd(11)}${text}`;
}

function versionText(version: CompiledPackVersion, zone: string): string {
  return `${version.packId} version ${version.id}, in force from ${effectiveFromText(version, zone)}`;
}

function dueRows(due: number, zone: string): string[] {
  return [row('Due', `${formatInstant(due, zone)}   ${describeInstant(due, zone)} ${zone}`), row('', `${formatInstant(due, 'UTC')}   UTC`)];
}

function targetText(a: TargetAnswer): string[] {
  const priority = `${a.priority.id} (${a.priority.name}${a.defaultPriority ? ', the default priority' : ''})`;
  const what = `${a.metric} for ${priority} on plan ${a.plan.id}`;
  if (a.target === null || a.due === null) {
    const zone = a.version.calendar(a.plan.calendar).zone;
    return [
      `No target: plan ${a.plan.id} of ${a.pack.id} guarantees no ${a.metric} time for ${priority}.`,
      row('Start', describeInstant(a.start, zone)),
      row('Policy', versionText(a.version, zone)),
    ];
  }
  const zone = a.target.calendar.zone;
  const lines = [
    ...dueRows(a.due, zone),
    row('Start', describeInstant(a.start, zone)),
    row('Target', `${formatDuration(a.target.duration)} ${what}`),
    row('Calendar', `${a.target.calendarId} (${describeCalendar(a.target.calendar.spec)})`),
    row('Policy', versionText(a.version, zone)),
  ];
  if (a.explanation) lines.push('', ...explanationLines(a.explanation, zone));
  return lines;
}

function amountText(a: CalendarAnswer): string {
  if (a.amount.unit === 'days') return `${a.amount.days} business day${a.amount.days === 1 ? '' : 's'}`;
  return `${formatDuration(a.amount.ms)} of business time`;
}

function calendarText(a: CalendarAnswer): string[] {
  const zone = a.zone;
  const lines = [
    ...dueRows(a.due, zone),
    row('Start', describeInstant(a.start, zone)),
    row('Added', amountText(a)),
    row('Calendar', `${a.calendarId} (${describeCalendar(a.calendar.spec)})`),
    row('Policy', versionText(a.version, zone)),
  ];
  if (a.explanation) lines.push('', ...explanationLines(a.explanation, zone));
  return lines;
}

/** The answer as lines of text. */
export function renderText(answer: DeadlineAnswer): string {
  return (answer.kind === 'target' ? targetText(answer) : calendarText(answer)).join('\n');
}

function instantOrNull(t: number | null, zone: string): string | null {
  return t === null ? null : formatInstant(t, zone);
}

function targetJson(a: TargetAnswer): Record<string, unknown> {
  const zone = a.target?.calendar.zone ?? a.version.calendar(a.plan.calendar).zone;
  return {
    policy: a.pack.id,
    pack_version: a.version.id,
    plan: a.plan.id,
    priority: a.priority.id,
    metric: a.metric,
    start: formatInstant(a.start, zone),
    due: instantOrNull(a.due, zone),
    due_utc: instantOrNull(a.due, 'UTC'),
    target:
      a.target === null ? null : { duration: formatDuration(a.target.duration), duration_ms: a.target.duration, calendar: a.target.calendarId, zone },
    ...(a.explanation ? { explanation: explanationJson(a.explanation, zone) } : {}),
  };
}

function calendarJson(a: CalendarAnswer): Record<string, unknown> {
  const zone = a.zone;
  const amount = a.amount.unit === 'days' ? { business_days: a.amount.days } : { business_hours: a.amount.ms / 3_600_000, duration_ms: a.amount.ms };
  return {
    calendar: a.calendarId,
    zone,
    policy: a.pack.id,
    pack_version: a.version.id,
    ...amount,
    start: formatInstant(a.start, zone),
    due: formatInstant(a.due, zone),
    due_utc: formatInstant(a.due, 'UTC'),
    ...(a.explanation ? { explanation: explanationJson(a.explanation, zone) } : {}),
  };
}

/** The answer as one JSON document. */
export function renderJson(answer: DeadlineAnswer): string {
  return JSON.stringify(answer.kind === 'target' ? targetJson(answer) : calendarJson(answer), null, 2);
}
