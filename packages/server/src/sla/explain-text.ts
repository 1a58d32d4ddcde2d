import type { ClosedReason } from '@hourglass/engine';
import { formatDurationIn, type Locale, translator } from '../i18n/index.js';
import { holidayNameIn } from './explain-holidays.js';

/**
 * One step of a due time's explanation, as stored with an alert and sent to readers: open time that
 * counted, or a closed period (or pause) that did not. `from` and `to` are ISO 8601 instants written
 * in the calendar's zone with their offset, so the local day and time can be read from them.
 */
export type ExplanationStep =
  | { kind: 'counted'; from: string; to: string; duration_ms: number }
  | { kind: 'skipped'; from: string; to: string; reason: ClosedReason | 'paused'; name?: string | null };

/** Why a stretch was not counted, in the reader's words: "night", "closed for Thanksgiving Day", "Wochenende". */
export function closedReasonText(locale: Locale, reason: ClosedReason | 'paused', name: string | null | undefined, day: string, zone: string): string {
  const { t } = translator(locale);
  switch (reason) {
    case 'night':
      return t('explain.reason.night');
    case 'weekend':
      return t('explain.reason.weekend');
    case 'closed_day':
      return t('explain.reason.closedDay');
    case 'holiday':
      return name ? t('explain.reason.holiday', { name: holidayNameIn(locale, name, day, zone) }) : t('explain.reason.closedDay');
    case 'exception':
      if (!name || name === 'closed') return t('explain.reason.exceptionClosed');
      if (name === 'special hours') return t('explain.reason.specialHours');
      return t('explain.reason.exception', { name });
    case 'paused':
      return t('explain.reason.paused', { status: name ?? 'paused' });
  }
}

/**
 * A closed period of an explanation for a reader: why it was closed in their words (`label`) and the
 * holiday's or exception's name in their language where there is one (`local_name`).
 */
export function describeClosed(locale: Locale, closed: { reason: string; name: string | null; local_start: string }, zone: string): { label: string; local_name: string | null } {
  const reason = (['night', 'weekend', 'closed_day', 'holiday', 'exception', 'paused'] as const).find((r) => r === closed.reason) ?? 'closed_day';
  const day = closed.local_start.slice(0, 10);
  return {
    label: closedReasonText(locale, reason, closed.name, day, zone),
    local_name: closed.name === null ? null : reason === 'holiday' ? holidayNameIn(locale, closed.name, day, zone) : closed.name,
  };
}

/** A step as one line: "Counted … to … (2h)", "Nicht gezählt von … bis …: Wochenende". */
export function explanationLine(locale: Locale, step: ExplanationStep, zone: string): string {
  const { t } = translator(locale);
  if (step.kind === 'counted') return t('explain.counted', { from: step.from, to: step.to, duration: formatDurationIn(locale, step.duration_ms) });
  return t('explain.notCounted', { from: step.from, to: step.to, reason: closedReasonText(locale, step.reason, step.name, step.from.slice(0, 10), zone) });
}

/**
 * The lines of an explanation in time order, at most `max` of them; when there are more (or `hidden`
 * steps were left out before), a last line says how many more and where the whole explanation is (`moreUrl`).
 */
export function explanationLines(locale: Locale, steps: readonly ExplanationStep[], zone: string, options: { max: number; moreUrl: string; hidden?: number }): string[] {
  const ordered = [...steps].sort((a, b) => Date.parse(a.from) - Date.parse(b.from));
  const lines = ordered.slice(0, options.max).map((step) => explanationLine(locale, step, zone));
  const more = Math.max(0, ordered.length - options.max) + Math.max(0, options.hidden ?? 0);
  if (more > 0) lines.push(translator(locale).t('explain.more', { count: more, url: options.moreUrl }));
  return lines;
}

/** The first `max` steps of an explanation in time order, and how many were left out: what an alert stores. */
export function firstSteps(steps: readonly ExplanationStep[], max: number): { steps: ExplanationStep[]; hidden: number } {
  const ordered = [...steps].sort((a, b) => Date.parse(a.from) - Date.parse(b.from));
  return { steps: ordered.slice(0, max), hidden: Math.max(0, ordered.length - max) };
}

/** Checks a value read back from a stored alert: a step of an explanation, or not. */
export function isExplanationStep(value: unknown): value is ExplanationStep {
  if (typeof value !== 'object' || value === null) return false;
  const step = value as Record<string, unknown>;
  if (typeof step.from !== 'string' || typeof step.to !== 'string') return false;
  if (step.kind === 'counted') return typeof step.duration_ms === 'number';
  return step.kind === 'skipped' && typeof step.reason === 'string';
}
