/**
 * Guidance shown at an intake field while the customer types: what the field still needs and what
 * is wrong with what was typed, in plain words. The service checks the same rules when the ticket
 * is sent; this is the early, friendly version of that check.
 */
import type { IntakeFieldSpec } from '../api/types.js';

export type GuidanceTone = 'info' | 'ok' | 'warning' | 'error';

export interface Guidance {
  tone: GuidanceTone;
  message: string;
}

export interface GuidanceContext {
  now: number;
  /** Hexadecimal characters after a SID's two-letter prefix, when the pack says. */
  sidHexLength?: number | undefined;
  /** What each SID prefix identifies (`CA` → `call`), when the pack says. */
  sidKinds?: Readonly<Record<string, string>> | undefined;
}

const HOUR = 3_600_000;

/** `24h`, `90m`, `2d`, `PT72H` or milliseconds → milliseconds; null when unreadable. */
export function durationMs(value: string | number | undefined): number | null {
  if (typeof value === 'number') return value;
  if (value === undefined) return null;
  const simple = /^(\d+(?:\.\d+)?)\s*(ms|s|m|min|h|d)$/i.exec(value.trim());
  if (simple) {
    const unit = simple[2]!.toLowerCase();
    const factor = unit === 'ms' ? 1 : unit === 's' ? 1000 : unit === 'm' || unit === 'min' ? 60_000 : unit === 'h' ? HOUR : 24 * HOUR;
    return Number(simple[1]) * factor;
  }
  const iso = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/i.exec(value.trim());
  if (iso && value.trim().length > 1) {
    return (Number(iso[1] ?? 0) * 24 + Number(iso[2] ?? 0)) * HOUR + Number(iso[3] ?? 0) * 60_000;
  }
  return null;
}

export function hoursText(ms: number): string {
  const hours = Math.round((ms / HOUR) * 10) / 10;
  return `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
}

/** Splits a pasted list of SIDs on white space, commas and semicolons. */
export function splitSids(value: string): string[] {
  return value.split(/[\s,;]+/).filter((part) => part !== '');
}

/** What is wrong with one SID, or null when it looks right. */
export function sidProblem(sid: string, prefixes: readonly string[], context: GuidanceContext): string | null {
  if (!/^[A-Za-z]{2}/.test(sid)) {
    return `"${sid}" does not look like a SID: a SID starts with two letters that say what it identifies (such as CA for a call), followed by hexadecimal characters.`;
  }
  const prefix = sid.slice(0, 2);
  if (prefix !== prefix.toUpperCase()) return `"${sid}" starts with "${prefix}"; SID prefixes are upper-case letters (${prefix.toUpperCase()}).`;
  const rest = sid.slice(2);
  const bad = /[^0-9a-fA-F]/.exec(rest);
  if (bad) return `"${sid}" contains "${bad[0]}"; after the two-letter prefix a SID has only hexadecimal characters (0-9, a-f).`;
  const length = context.sidHexLength;
  if (length !== undefined && rest.length !== length) {
    return `"${sid}" has ${rest.length} hexadecimal characters after its prefix; a SID has exactly ${length}.`;
  }
  if (prefixes.length > 0 && !prefixes.includes(prefix)) {
    return `"${sid}" has the prefix ${prefix}${kindOf(prefix, context)}; this field needs ${describePrefixes(prefixes, context)}.`;
  }
  return null;
}

function kindOf(prefix: string, context: GuidanceContext): string {
  const kind = context.sidKinds?.[prefix];
  return kind ? ` (${kind})` : '';
}

export function describePrefixes(prefixes: readonly string[], context: GuidanceContext): string {
  const kinds = prefixes.map((p) => context.sidKinds?.[p]).filter((k): k is string => k !== undefined);
  const shapes = prefixes.map((p) => `${p}…`).join(' or ');
  return kinds.length === prefixes.length && kinds.length > 0 ? `${kinds.join(' or ')} SIDs (${shapes})` : `SIDs starting with ${shapes}`;
}

/**
 * The shape of a SID, as the pack defines it, for the hint at a SID field: `CA` + 32 hexadecimal
 * characters (34 in all). Null when the pack does not give the length.
 */
export function sidFormatHint(prefixes: readonly string[], context: GuidanceContext): string | null {
  const length = context.sidHexLength;
  if (length === undefined) return null;
  const first = prefixes[0] ?? 'CA';
  const example = `${first}${'0123456789abcdef'.repeat(Math.ceil(length / 16)).slice(0, length)}`;
  const lead = prefixes.length > 0 ? `the prefix ${prefixes.join(' or ')}` : 'a two-letter prefix';
  return `Each SID is ${length + 2} characters: ${lead}, then ${length} hexadecimal characters (0–9, a–f), for example ${example}.`;
}

/** Guidance for one field's current value; null when there is nothing to say yet. */
export function guideField(field: IntakeFieldSpec, value: string, context: GuidanceContext): Guidance | null {
  const blank = value.trim() === '';
  switch (field.type) {
    case 'sid_list':
      return guideSids(field, value, context);
    case 'datetime':
      return blank ? requiredHint(field) : guideDatetime(field, value, context.now);
    case 'phone':
      if (blank) return requiredHint(field);
      return /^\+[1-9]\d{6,14}$/.test(value.replace(/[\s\-.()]/g, ''))
        ? { tone: 'ok', message: 'Looks like an international number.' }
        : { tone: 'error', message: `"${value.trim()}" is not a phone number in international format; write it with + and the country code, for example +1 415 555 1212.` };
    default:
      return blank ? requiredHint(field) : null;
  }
}

function requiredHint(field: IntakeFieldSpec): Guidance | null {
  return field.required ? { tone: 'info', message: 'Required.' } : null;
}

function guideSids(field: IntakeFieldSpec, value: string, context: GuidanceContext): Guidance | null {
  const sids = splitSids(value);
  const prefixes = field.sid_prefixes ?? [];
  const wanted = field.examples;
  const need = wanted ? (wanted.min === wanted.max ? `${wanted.min}` : `${wanted.min}–${wanted.max}`) : null;
  if (sids.length === 0) {
    if (!field.required && !need) return null;
    const what = prefixes.length > 0 ? describePrefixes(prefixes, context) : 'SIDs';
    return { tone: 'info', message: need ? `Give ${need} examples: ${what}.` : `Give ${what}.` };
  }
  for (const sid of sids) {
    const problem = sidProblem(sid, prefixes, context);
    if (problem) return { tone: 'error', message: problem };
  }
  const unique = new Set(sids.map((s) => s.toLowerCase()));
  if (unique.size < sids.length) return { tone: 'warning', message: 'A SID is listed twice; each example should be a different occurrence of the issue.' };
  if (wanted && unique.size < wanted.min) {
    return { tone: field.required ? 'error' : 'warning', message: `${unique.size} of ${need} examples: add ${wanted.min - unique.size} more, several examples show a trend.` };
  }
  if (wanted && unique.size > wanted.max) return { tone: 'warning', message: `${unique.size} examples; ${need} are enough, the first ones will be looked at first.` };
  return { tone: 'ok', message: need ? `${unique.size} of ${need} examples, each a well-formed SID.` : 'Each SID is well formed.' };
}

/** A `datetime-local` value is read in the browser's zone; an ISO value with an offset as written. */
export function readLocalDateTime(value: string): number | null {
  const trimmed = value.trim();
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(trimmed)) return null;
  const time = new Date(trimmed).getTime();
  return Number.isNaN(time) ? null : time;
}

function guideDatetime(field: IntakeFieldSpec, value: string, now: number): Guidance {
  const at = readLocalDateTime(value);
  if (at === null) return { tone: 'error', message: 'Give a date and a time, for example 2026-11-23 08:15.' };
  const age = now - at;
  if (age < 0) return { tone: 'error', message: `${field.label} is in the future; give the time the issue happened.` };
  const ok = durationMs(field.recency?.ok_within);
  if (ok === null) return { tone: 'ok', message: 'Thanks.' };
  if (age <= ok) return { tone: 'ok', message: `${hoursText(age)} ago: recent enough (within ${hoursText(ok)}).` };
  const best = durationMs(field.recency?.best_effort_within);
  if (best !== null && age <= best) {
    return {
      tone: 'warning',
      message: `${hoursText(age)} ago. Examples from the last ${hoursText(ok)} are best; up to ${hoursText(best)} is looked at on a best-effort basis. Add a more recent example if you can.`,
    };
  }
  return {
    tone: 'error',
    message: `${hoursText(age)} ago: too old to investigate, because records are kept for only about ${hoursText(ok)}. Give an example from the last ${hoursText(ok)}.`,
  };
}
