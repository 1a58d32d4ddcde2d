import { parseInstant, type Instant } from '@hourglass/engine';
import { checkRecency } from './recency.js';
import { checkSid, describePrefixes, splitSidList } from './sid.js';
import type { SidFormat } from './sid.js';
import type { IntakeField, IntakeIssue } from './types.js';

/** What a field's value amounts to once read: how many usable items it holds, and its issues. */
export interface FieldReading {
  /** Usable items: 1 for a filled scalar field, the number of valid SIDs for a SID list. */
  usable: number;
  issues: IntakeIssue[];
}

const EMPTY: FieldReading = { usable: 0, issues: [] };

/** What reading a field needs besides its value. */
export interface ReadContext {
  ticketOpenedAt: Instant;
  sidFormat: SidFormat;
}

/** Reads one field's value and checks its format; presence rules are the paths' business. */
export function readField(field: IntakeField, value: unknown, context: ReadContext): FieldReading {
  if (isBlank(value)) return EMPTY;
  switch (field.type) {
    case 'text':
    case 'textarea':
      return typeof value === 'string' ? { usable: 1, issues: [] } : wrongType(field, 'text');
    case 'select':
      return readSelect(field, value);
    case 'phone':
      return readPhone(field, value);
    case 'datetime':
      return readDatetime(field, value, context.ticketOpenedAt);
    case 'sid_list':
      return readSids(field, value, context.sidFormat);
  }
}

export function isBlank(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.every(isBlank);
  return false;
}

function readSelect(field: IntakeField, value: unknown): FieldReading {
  const options = field.options ?? [];
  if (typeof value === 'string' && options.includes(value)) return { usable: 1, issues: [] };
  return fail(field, `"${String(value)}" is not one of the choices for ${field.label}; choose one of: ${options.join(', ')}.`);
}

/** International format: `+`, country code and number; spaces, dashes, dots and brackets are fine. */
function readPhone(field: IntakeField, value: unknown): FieldReading {
  if (typeof value !== 'string') return wrongType(field, 'a phone number');
  const digits = value.replace(/[\s\-.()]/g, '');
  if (/^\+[1-9]\d{6,14}$/.test(digits)) return { usable: 1, issues: [] };
  return fail(
    field,
    `${field.label} "${value}" is not a phone number in international format; write it with + and the country code, for example +1 415 555 1212.`,
  );
}

function readDatetime(field: IntakeField, value: unknown, ticketOpenedAt: Instant): FieldReading {
  let instant: Instant;
  try {
    if (typeof value !== 'string') throw new Error('not text');
    instant = parseInstant(value.trim());
  } catch {
    return fail(
      field,
      `${field.label} "${String(value)}" is not a date and time we can read; write it with its time zone offset, for example 2026-11-23T08:15:00-08:00.`,
    );
  }
  if (!field.recency) return { usable: 1, issues: [] };
  const recency = checkRecency(field.label, instant, ticketOpenedAt, field.recency);
  switch (recency.verdict) {
    case 'ok':
      return { usable: 1, issues: [] };
    case 'best_effort':
      return { usable: 1, issues: [{ field: field.id, severity: 'warning', kind: 'advice', message: recency.message }] };
    case 'too_old':
    case 'after_opening':
      return fail(field, recency.message);
  }
}

function readSids(field: IntakeField, value: unknown, format: SidFormat): FieldReading {
  if (typeof value !== 'string' && !(Array.isArray(value) && value.every((v) => typeof v === 'string'))) {
    return wrongType(field, describePrefixes(field.sid_prefixes ?? [], format));
  }
  const issues: IntakeIssue[] = [];
  const seen = new Set<string>();
  for (const raw of splitSidList(value)) {
    const check = checkSid(raw, format, field.sid_prefixes ?? []);
    if (!check.ok) {
      issues.push({ field: field.id, severity: 'error', kind: 'invalid', message: check.problem });
    } else if (seen.has(check.sid.toLowerCase())) {
      issues.push({
        field: field.id,
        severity: 'warning',
        kind: 'advice',
        message: `${check.sid} is listed twice; each example should be a different occurrence of the issue.`,
      });
    } else {
      seen.add(check.sid.toLowerCase());
    }
  }
  return { usable: seen.size, issues };
}

function wrongType(field: IntakeField, expected: string): FieldReading {
  return fail(field, `${field.label} should be ${expected}.`);
}

function fail(field: IntakeField, message: string): FieldReading {
  return { usable: 0, issues: [{ field: field.id, severity: 'error', kind: 'invalid', message }] };
}
