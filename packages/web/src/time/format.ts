/** Instants shown to a person: always in a named zone, in a compact 24-hour form. */
import type { Target } from '../api/types.js';
import { serverNow } from './server-clock.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string, withDate: boolean): Intl.DateTimeFormat {
  const key = `${zone}|${withDate}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      weekday: 'short',
      ...(withDate && { day: 'numeric', month: 'short' }),
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(key, found);
  }
  return found;
}

/** `Mon 23 Nov, 10:00` in `zone`. */
export function formatInstant(instant: string | number, zone: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return 'unknown time';
  const parts = Object.fromEntries(formatter(zone, true).formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.weekday} ${parts.day} ${parts.month}, ${parts.hour}:${parts.minute}`;
}

/** The zone's short name at `instant` (`MST`, `GMT+1`), for a label such as `America/Denver (MST)`. */
export function zoneAbbreviation(zone: string, instant: string | number = serverNow()): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' })
    .formatToParts(new Date(instant))
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? zone;
}

/** `America/Denver (MST)`; `UTC` stays `UTC`. */
export function zoneLabel(zone: string, instant: string | number = serverNow()): string {
  const short = zoneAbbreviation(zone, instant);
  return short === zone ? zone : `${zone} (${short})`;
}

/** A wall-clock span as a person reads it: `2d 4h`, `3h 05m`, `12m 30s`, `45s`. */
export function formatSpan(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (days > 0) return `${days}d ${hours}h ${pad(minutes)}m`;
  if (hours > 0) return `${hours}h ${pad(minutes)}m`;
  if (minutes > 0) return `${minutes}m ${pad(seconds)}s`;
  return `${seconds}s`;
}

export type Tone = 'ok' | 'warning' | 'breached' | 'met' | 'paused' | 'none';

/** The parts of a target (generated contract) that its due status reads. */
export type TargetLike = Pick<Target, 'state' | 'due_at' | 'warning_at' | 'met_at' | 'at_risk' | 'none_reason'>;

export interface DueStatus {
  tone: Tone;
  /** A short phrase for lists: `due in 3h 05m`, `overdue by 12m 30s`, `met`, `paused`. */
  text: string;
}

/** Where a target stands at `now` (the countdown runs on the wall clock towards its due time). */
export function dueStatus(target: TargetLike, now: number): DueStatus {
  switch (target.state) {
    case 'none':
      return { tone: 'none', text: noGuaranteeText(target.none_reason) };
    case 'met':
      return { tone: 'met', text: 'met' };
    case 'paused':
      return { tone: 'paused', text: 'paused' };
    case 'breached':
    case 'active': {
      if (target.due_at === null) return { tone: 'paused', text: 'paused' };
      const due = Date.parse(target.due_at);
      if (target.met_at !== null) return { tone: 'breached', text: `met late, ${formatSpan(Date.parse(target.met_at) - due)} after the due time` };
      if (target.state === 'breached' || due <= now) return { tone: 'breached', text: `overdue by ${formatSpan(now - due)}` };
      const warning = target.warning_at === null ? null : Date.parse(target.warning_at);
      const tone: Tone = target.at_risk || (warning !== null && now >= warning) ? 'warning' : 'ok';
      return { tone, text: `due in ${formatSpan(due - now)}` };
    }
  }
}

export function noGuaranteeText(reason: string | null): string {
  switch (reason) {
    case 'no_target':
      return 'no response target on this plan';
    case 'channel_without_sla':
      return 'no SLA on this channel';
    case 'intake_incomplete':
      return 'starts when the details are complete';
    default:
      return 'no SLA';
  }
}

/** A target whose clock still runs: active, or breached and not yet met. */
export function isRunning(target: TargetLike): boolean {
  return target.state === 'active' || (target.state === 'breached' && target.met_at === null);
}

export const UNITS = { MINUTE, HOUR, DAY };
