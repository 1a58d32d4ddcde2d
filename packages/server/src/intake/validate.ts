import { parseInstant, type Instant } from '@hourglass/engine';
import { readField, type FieldReading } from './field-checks.js';
import { checkShortPathRecency } from './recency.js';
import { describePrefixes, type SidFormat } from './sid.js';
import type { AbridgedPath, IntakeField, IntakeForm, IntakeIssue, IntakeResult } from './types.js';

/**
 * Checks a ticket's intake values against a product form, field by field, in plain words.
 * Every given value is checked for its format (SID shape and product prefix, phone numbers,
 * times and how recent they are). The intake is complete when every value given is usable and
 * the detailed path is satisfied (every required field, enough examples) or else the form's
 * abridged path; missing information is an error, so `ok` (no errors at all) implies
 * `complete`. A pack whose clocks wait for intake (`on_intake_complete`) may still accept an
 * incomplete ticket and start its clocks once `complete` turns true.
 */
export function validateIntake(
  form: IntakeForm,
  values: Readonly<Record<string, unknown>>,
  ticketOpenedAt: Instant,
): IntakeResult {
  const issues: IntakeIssue[] = unknownFields(form, values);
  const readings = new Map<string, FieldReading>();
  const context = { ticketOpenedAt, sidFormat: sidFormatOf(form) };
  for (const field of form.fields) {
    const reading = readField(field, values[field.id], context);
    readings.set(field.id, reading);
    issues.push(...reading.issues);
  }
  const invalid = new Set(issues.filter((i) => i.severity === 'error').map((i) => i.field));
  const allUsable = !form.fields.some((field) => invalid.has(field.id));

  const unmet = form.fields.filter((field) => (readings.get(field.id)?.usable ?? 0) < minimumOf(field));
  const excess = exampleCountNotes(form, readings, context.sidFormat);
  if (unmet.length === 0) return result(allUsable, 'detailed', [...issues, ...excess]);

  const abridged = form.abridged;
  const tooOldForShortPath = abridged ? shortPathRecencyProblems(form, abridged, values, readings, ticketOpenedAt) : new Map<string, string>();
  if (abridged && abridgedSatisfied(form, abridged, readings, tooOldForShortPath)) {
    const note: IntakeIssue = {
      field: 'form',
      severity: 'warning',
      kind: 'advice',
      message: `Filed with the short form: ${abridged.explanation} Adding ${unmet.map((f) => f.label).join(', ')} would speed up the investigation.`,
    };
    return result(allUsable, 'abridged', [...issues, ...excess, note]);
  }
  // A field whose value was rejected already has its error; the others say what is missing.
  const gaps = unmet
    .filter((field) => field.examples || !invalid.has(field.id))
    .map((field) => ({
      field: field.id,
      severity: 'error' as const,
      kind: 'missing' as const,
      message: missingMessage(field, readings.get(field.id)?.usable ?? 0, context.sidFormat),
    }));
  const hint: IntakeIssue[] = abridged
    ? [
        ...[...tooOldForShortPath].map(([field, message]) => ({ field, severity: 'error' as const, kind: 'invalid' as const, message })),
        { field: 'form', severity: 'error', kind: 'missing', message: `If the full details are hard to collect: ${abridged.explanation}` },
      ]
    : [];
  return result(false, null, [...issues, ...gaps, ...excess, ...hint]);
}

/** What the detailed path needs of a field: optional fields need nothing. */
function minimumOf(field: IntakeField): number {
  return field.required ? (field.examples?.min ?? 1) : 0;
}

function result(complete: boolean, path: IntakeResult['path'], issues: IntakeIssue[]): IntakeResult {
  const ok = complete && !issues.some((i) => i.severity === 'error');
  return { ok, complete, path: complete ? path : null, issues };
}

function missingMessage(field: IntakeField, usable: number, format: SidFormat): string {
  const help = field.help ? ` ${field.help}` : '';
  if (field.type === 'sid_list' && field.examples) {
    const kinds = describePrefixes(field.sid_prefixes ?? [], format);
    const range = field.examples.min === field.examples.max ? `${field.examples.min}` : `${field.examples.min}–${field.examples.max}`;
    const given = usable === 0 ? 'none yet' : `${usable} valid so far`;
    return `${field.label}: give ${range} example ${kinds} (${given}). Several examples of the same symptom show a trend; a single one looks like an isolated event.${help}`;
  }
  return `${field.label} is required.${help}`;
}

/** Soft advice on example counts: more than the maximum, or too few in an optional list. */
function exampleCountNotes(
  form: IntakeForm,
  readings: ReadonlyMap<string, FieldReading>,
  format: SidFormat,
): IntakeIssue[] {
  return form.fields.flatMap((field): IntakeIssue[] => {
    const usable = readings.get(field.id)?.usable ?? 0;
    if (!field.examples) return [];
    if (usable > field.examples.max) {
      return [
        {
          field: field.id,
          severity: 'warning',
          kind: 'advice',
          message: `${field.label}: ${usable} examples given; ${field.examples.max} are enough. Keep the clearest ${field.examples.max} of the same symptom, and file a separate ticket for a different symptom.`,
        },
      ];
    }
    if (!field.required && usable > 0 && usable < field.examples.min) {
      return [{ field: field.id, severity: 'warning', kind: 'advice', message: missingMessage(field, usable, format) }];
    }
    return [];
  });
}

/**
 * The abridged path's required fields and one of its groups hold at least one usable value each;
 * a moment too old for the short path (`tooOld`) does not count.
 */
function abridgedSatisfied(
  form: IntakeForm,
  abridged: AbridgedPath,
  readings: ReadonlyMap<string, FieldReading>,
  tooOld: ReadonlyMap<string, string>,
): boolean {
  const known = new Set(form.fields.map((f) => f.id));
  const present = (id: string) => known.has(id) && !tooOld.has(id) && (readings.get(id)?.usable ?? 0) >= 1;
  return (
    abridged.required.every(present) &&
    (abridged.any_of.length === 0 || abridged.any_of.some((group) => group.every(present)))
  );
}

/** The usable datetime values that are too old for the abridged path's stricter recency, by field id, with what to do. */
function shortPathRecencyProblems(
  form: IntakeForm,
  abridged: AbridgedPath,
  values: Readonly<Record<string, unknown>>,
  readings: ReadonlyMap<string, FieldReading>,
  ticketOpenedAt: Instant,
): Map<string, string> {
  const problems = new Map<string, string>();
  for (const [id, window] of Object.entries(abridged.recency ?? {})) {
    const field = form.fields.find((f) => f.id === id);
    const value = values[id];
    if (!field || typeof value !== 'string' || (readings.get(id)?.usable ?? 0) < 1) continue;
    const problem = checkShortPathRecency(field.label, parseInstant(value.trim()), ticketOpenedAt, window, field.recency);
    if (problem) problems.set(id, problem);
  }
  return problems;
}

/**
 * The form's SID format. A form without `sid_list` fields needs none; one with them and no format
 * is a pack the policy checks refuse, so this only guards against hand-made forms.
 */
function sidFormatOf(form: IntakeForm): SidFormat {
  if (form.sid_format) return form.sid_format;
  if (form.fields.some((f) => f.type === 'sid_list')) {
    throw new Error(`The ${form.name} intake form has SID fields but no SID format; give the form its pack's intake.sid_format.`);
  }
  return { hex_length: 0, kinds: {} };
}

function unknownFields(form: IntakeForm, values: Readonly<Record<string, unknown>>): IntakeIssue[] {
  const known = new Set(form.fields.map((f) => f.id));
  return Object.keys(values)
    .filter((id) => !known.has(id))
    .map((id) => ({
      field: id,
      severity: 'error' as const,
      kind: 'invalid' as const,
      message: `"${id}" is not a field of the ${form.name} form; remove it, or use one of: ${[...known].join(', ')}.`,
    }));
}
