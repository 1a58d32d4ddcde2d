/**
 * Guidance shown at an intake field while the customer types: the verdicts of the shared intake
 * rules (`@hourglass/rules`, the ones the service enforces when the ticket is sent) on what was
 * typed, or a word that it is fine. Pure: a guidance is a message id with its arguments; the field
 * phrases it through the catalogs (see `verdict-text.ts`).
 */
import {
  fieldVerdicts,
  intakeFieldFromPack,
  intakeFormFromPack,
  isBlank,
  readField,
  validateIntake,
  type FieldReading,
  type IntakeField,
  type IntakeVerdict,
  type SidFormat,
  type Verdict,
} from '@hourglass/rules';
import type { IntakeFieldSpec, IntakeFormSpec } from '../api/types.js';

export type GuidanceTone = 'info' | 'ok' | 'warning' | 'error';

/** What the field says besides the rules' verdicts: that a value is fine, or the SID format. */
export type GuidanceNote =
  | { code: 'intake.guidance.sidsOk'; args: { usable: number; min: number; max: number } }
  | { code: 'intake.guidance.sidsWellFormed'; args: Record<string, never> }
  | { code: 'intake.guidance.phoneOk'; args: Record<string, never> }
  | { code: 'intake.guidance.recentEnough'; args: { age: number; okWithin: number } }
  | { code: 'intake.guidance.sidFormat'; args: { length: number; prefixes: readonly string[]; example: string } };

export interface Guidance {
  tone: GuidanceTone;
  message: Verdict | GuidanceNote;
}

export interface GuidanceContext {
  /** The ticket's opening (now, for a new ticket): recency is measured back from it. */
  now: number;
  /** Hexadecimal characters after a SID's two-letter prefix, when the pack says. */
  sidHexLength?: number | undefined;
  /** What each SID prefix identifies (`CA` → `call`), when the pack says. */
  sidKinds?: Readonly<Record<string, string>> | undefined;
  /**
   * The whole form and the values of its other fields, when the page has them: a field's verdicts
   * then take the form into account as the service does (the short form's recency, what is still
   * missing once the short form is satisfied). Without them a field is judged on its own.
   */
  form?: IntakeFormSpec | undefined;
  values?: Readonly<Record<string, string>> | undefined;
}

/** The pack's SID format, or null when the pack does not give one (SIDs are then not checked here). */
export function sidFormatOf(context: GuidanceContext): SidFormat | null {
  return context.sidHexLength === undefined ? null : { hex_length: context.sidHexLength, kinds: context.sidKinds ?? {} };
}

/**
 * A date and time as the page has it: a `datetime-local` value (`2026-11-23T08:15`) is read in the
 * browser's zone, an ISO 8601 value with an offset as written; null when it is neither.
 */
export function readLocalInstant(value: string): number | null {
  const trimmed = value.trim();
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(trimmed)) return null;
  const time = new Date(trimmed).getTime();
  return Number.isNaN(time) ? null : time;
}

/** A form field as the API gives it, read by the rules (durations in milliseconds). */
export function ruleFieldOf(field: IntakeFieldSpec): IntakeField {
  return intakeFieldFromPack(field);
}

/** The rules' verdicts on one field's value, exactly as the service gives them for that field. */
export function verdictsAt(field: IntakeField, value: string, context: GuidanceContext): { reading: FieldReading; verdicts: IntakeVerdict[] } | null {
  const sidFormat = sidFormatOf(context);
  if (field.type === 'sid_list' && sidFormat === null) return null;
  const read = { ticketOpenedAt: context.now, readInstant: readLocalInstant, sidFormat: sidFormat ?? { hex_length: 0, kinds: {} } };
  if (!context.form || (sidFormat === null && context.form.fields.some((f) => f.type === 'sid_list'))) return fieldVerdicts(field, value, read);
  const form = intakeFormFromPack(context.form, sidFormat);
  const result = validateIntake(form, sentValues(form.fields, { ...context.values, [field.id]: value }), read);
  return { reading: readField(field, value, read), verdicts: result.verdicts.filter((v) => v.field === field.id) };
}

/** The values a page sends for a form: its fields' non-blank values. */
function sentValues(fields: readonly IntakeField[], values: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(fields.flatMap((f) => (isBlank(values[f.id]) ? [] : [[f.id, values[f.id]!]])));
}

/**
 * Guidance for one field's current value; null when there is nothing to say yet. A blank field
 * shows what it needs as information; a value shows the rules' first error, else their first
 * warning, else that it is fine.
 */
export function guideField(spec: IntakeFieldSpec, value: string, context: GuidanceContext): Guidance | null {
  const field = ruleFieldOf(spec);
  const found = verdictsAt(field, value, context);
  if (!found) return null;
  const { reading, verdicts } = found;
  if (isBlank(value)) return verdicts[0] ? { tone: 'info', message: verdicts[0] } : null;
  const error = verdicts.find((v) => v.severity === 'error');
  if (error) return { tone: 'error', message: error };
  const warning = verdicts.find((v) => v.severity === 'warning');
  if (warning) return { tone: 'warning', message: warning };
  const fine = fineNote(field, reading, context);
  return fine && { tone: 'ok', message: fine };
}

function fineNote(field: IntakeField, reading: FieldReading, context: GuidanceContext): GuidanceNote | null {
  switch (field.type) {
    case 'sid_list':
      return field.examples
        ? { code: 'intake.guidance.sidsOk', args: { usable: reading.usable, min: field.examples.min, max: field.examples.max } }
        : { code: 'intake.guidance.sidsWellFormed', args: {} };
    case 'phone':
      return { code: 'intake.guidance.phoneOk', args: {} };
    case 'datetime':
      return field.recency && reading.instant !== undefined ? { code: 'intake.guidance.recentEnough', args: { age: context.now - reading.instant, okWithin: field.recency.okWithin } } : null;
    default:
      return null;
  }
}

/**
 * The shape of a SID, as the pack defines it, for the hint at a SID field: `CA` + 32 hexadecimal
 * characters (34 in all). Null when the pack does not give the length.
 */
export function sidFormatHint(prefixes: readonly string[], context: GuidanceContext): GuidanceNote | null {
  const length = context.sidHexLength;
  if (length === undefined) return null;
  const example = `${prefixes[0] ?? 'CA'}${'0123456789abcdef'.repeat(Math.ceil(length / 16)).slice(0, length)}`;
  return { code: 'intake.guidance.sidFormat', args: { length, prefixes, example } };
}
