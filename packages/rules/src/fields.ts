import { checkRecency } from './recency.js';
import { checkSid, prefixArgs, splitSidList, type SidFormat } from './sid.js';
import type { IntakeField, ReadContext } from './form.js';
import type { IntakeCode, IntakeVerdict, VerdictArgs } from './verdict.js';

/** What a field's value amounts to once read: how many usable items it holds, and its verdicts. */
export interface FieldReading {
  /** Usable items: 1 for a filled scalar field, the number of distinct valid SIDs for a SID list. */
  usable: number;
  verdicts: IntakeVerdict[];
  /** A usable date-time's instant (milliseconds). */
  instant?: number | undefined;
}

const EMPTY: FieldReading = { usable: 0, verdicts: [] };

/** Reads one field's value and checks its format; presence rules are the paths' business. */
export function readField(field: IntakeField, value: unknown, context: ReadContext & { sidFormat: SidFormat }): FieldReading {
  if (isBlank(value)) return EMPTY;
  switch (field.type) {
    case 'text':
    case 'textarea':
      return typeof value === 'string' ? { usable: 1, verdicts: [] } : wrongType(field, 'text');
    case 'select':
      return readSelect(field, value);
    case 'phone':
      return readPhone(field, value);
    case 'datetime':
      return readDatetime(field, value, context);
    case 'sid_list':
      return readSids(field, value, context.sidFormat);
  }
}

/** Nothing given: no value, blank text, or a list of blanks. */
export function isBlank(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.every(isBlank);
  return false;
}

/** International format: `+`, country code and number; spaces, dashes, dots and brackets are fine. */
export function isInternationalPhone(value: string): boolean {
  return /^\+[1-9]\d{6,14}$/.test(value.replace(/[\s\-.()]/g, ''));
}

function readSelect(field: IntakeField, value: unknown): FieldReading {
  const options = field.options ?? [];
  if (typeof value === 'string' && options.includes(value)) return { usable: 1, verdicts: [] };
  return fail(field, 'intake.select.notAChoice', { label: field.label, value: String(value), options });
}

function readPhone(field: IntakeField, value: unknown): FieldReading {
  if (typeof value !== 'string') return wrongType(field, 'phone');
  if (isInternationalPhone(value)) return { usable: 1, verdicts: [] };
  return fail(field, 'intake.phone.format', { label: field.label, value });
}

function readDatetime(field: IntakeField, value: unknown, context: ReadContext): FieldReading {
  const instant = typeof value === 'string' ? context.readInstant(value.trim()) : null;
  if (instant === null) return fail(field, 'intake.datetime.format', { label: field.label, value: String(value) });
  if (!field.recency) return { usable: 1, verdicts: [], instant };
  const recency = checkRecency(field.label, instant, context.ticketOpenedAt, field.recency);
  switch (recency.verdict) {
    case 'ok':
      return { usable: 1, verdicts: [], instant };
    case 'best_effort':
      return { usable: 1, verdicts: [{ field: field.id, severity: 'warning', kind: 'advice', ...recency.found }], instant };
    case 'too_old':
    case 'after_opening':
      return { usable: 0, verdicts: [{ field: field.id, severity: 'error', kind: 'invalid', ...recency.found }], instant };
  }
}

function readSids(field: IntakeField, value: unknown, format: SidFormat): FieldReading {
  if (typeof value !== 'string' && !(Array.isArray(value) && value.every((v) => typeof v === 'string'))) {
    return wrongType(field, 'sids', prefixArgs(field.sid_prefixes ?? [], format));
  }
  const verdicts: IntakeVerdict[] = [];
  const seen = new Set<string>();
  for (const raw of splitSidList(value)) {
    const check = checkSid(raw, format, field.sid_prefixes ?? []);
    if (!check.ok) {
      verdicts.push({ field: field.id, severity: 'error', kind: 'invalid', ...check.verdict });
    } else if (seen.has(check.sid.toLowerCase())) {
      verdicts.push({ field: field.id, severity: 'warning', kind: 'advice', code: 'intake.sid.duplicate', args: { sid: check.sid } });
    } else {
      seen.add(check.sid.toLowerCase());
    }
  }
  return { usable: seen.size, verdicts };
}

/**
 * What the detailed path says of a field holding `usable` items: required and absent (or too few
 * examples, an error); more examples than needed, or too few in an optional list (advice).
 */
export function countVerdicts(field: IntakeField, usable: number, format: SidFormat): IntakeVerdict[] {
  const examples = field.examples;
  if (field.required && usable < (examples?.min ?? 1)) {
    return [{ field: field.id, severity: 'error', kind: 'missing', ...missingVerdict(field, usable, format) }];
  }
  if (!examples) return [];
  if (usable > examples.max) {
    return [{ field: field.id, severity: 'warning', kind: 'advice', code: 'intake.examples.tooMany', args: { label: field.label, usable, max: examples.max } }];
  }
  if (!field.required && usable > 0 && usable < examples.min) {
    return [{ field: field.id, severity: 'warning', kind: 'advice', ...missingVerdict(field, usable, format) }];
  }
  return [];
}

function missingVerdict(field: IntakeField, usable: number, format: SidFormat): { code: IntakeCode; args: VerdictArgs } {
  const help = field.help ?? null;
  if (field.type === 'sid_list' && field.examples) {
    const { min, max } = field.examples;
    return { code: 'intake.examples.tooFew', args: { label: field.label, usable, min, max, ...prefixArgs(field.sid_prefixes ?? [], format), help } };
  }
  return { code: 'intake.field.required', args: { label: field.label, help } };
}

function wrongType(field: IntakeField, expected: 'text' | 'phone' | 'sids', extra: VerdictArgs = {}): FieldReading {
  return fail(field, 'intake.value.wrongType', { label: field.label, expected, ...extra });
}

function fail(field: IntakeField, code: IntakeCode, args: VerdictArgs): FieldReading {
  return { usable: 0, verdicts: [{ field: field.id, severity: 'error', kind: 'invalid', code, args }] };
}
