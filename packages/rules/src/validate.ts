import { countVerdicts, readField, type FieldReading } from './fields.js';
import type { AbridgedPath, IntakeField, IntakeForm, ReadContext } from './form.js';
import { checkShortPathRecency } from './recency.js';
import type { SidFormat } from './sid.js';
import type { IntakeVerdict } from './verdict.js';

/**
 * `complete`: the minimum information is there in usable form (the detailed path, or the
 * abridged one); it starts the clocks of packs that wait for intake. `ok`: nothing blocks the
 * ticket (no errors at all; warnings only inform).
 */
export interface IntakeVerdicts {
  ok: boolean;
  complete: boolean;
  /** Which path made the intake complete. */
  path: 'detailed' | 'abridged' | null;
  verdicts: IntakeVerdict[];
}

/**
 * Checks a ticket's intake values against a product form, field by field. Every given value is
 * checked for its format (SID shape and product prefix, phone numbers, times and how recent they
 * are). The intake is complete when every value given is usable and the detailed path is
 * satisfied (every required field, enough examples) or else the form's abridged path; missing
 * information is an error, so `ok` (no errors at all) implies `complete`.
 */
export function validateIntake(form: IntakeForm, values: Readonly<Record<string, unknown>>, context: ReadContext): IntakeVerdicts {
  const verdicts: IntakeVerdict[] = unknownFields(form, values);
  const sidFormat = sidFormatOf(form);
  const readings = new Map<string, FieldReading>();
  for (const field of form.fields) {
    const reading = readField(field, values[field.id], { ...context, sidFormat });
    readings.set(field.id, reading);
    verdicts.push(...reading.verdicts);
  }
  const invalid = new Set(verdicts.filter((v) => v.severity === 'error').map((v) => v.field));
  const allUsable = !form.fields.some((field) => invalid.has(field.id));
  const counts = form.fields.map((field) => ({ field, verdicts: countVerdicts(field, readings.get(field.id)?.usable ?? 0, sidFormat) }));
  const unmet = counts.filter((c) => c.verdicts.some((v) => v.kind === 'missing'));
  const excess = counts.flatMap((c) => c.verdicts.filter((v) => v.kind === 'advice'));
  if (unmet.length === 0) return result(allUsable, 'detailed', [...verdicts, ...excess]);

  const abridged = form.abridged;
  const tooOldForShortPath = abridged ? shortPathRecencyProblems(form, abridged, readings, context.ticketOpenedAt) : [];
  if (abridged && abridgedSatisfied(form, abridged, readings, new Set(tooOldForShortPath.map((v) => v.field)))) {
    const note: IntakeVerdict = {
      field: 'form',
      severity: 'warning',
      kind: 'advice',
      code: 'intake.form.shortFormUsed',
      args: { explanation: abridged.explanation, labels: unmet.map((c) => c.field.label) },
    };
    return result(allUsable, 'abridged', [...verdicts, ...excess, note]);
  }
  // A field whose value was rejected already has its error; the others say what is missing.
  const gaps = unmet.filter((c) => isGapShown(c.field, invalid)).flatMap((c) => c.verdicts);
  const offer: IntakeVerdict[] = abridged
    ? [...tooOldForShortPath, { field: 'form', severity: 'error', kind: 'missing', code: 'intake.form.shortFormOffer', args: { explanation: abridged.explanation } }]
    : [];
  return result(false, null, [...verdicts, ...gaps, ...excess, ...offer]);
}

/**
 * The verdicts on one field as the detailed path sees it: its value's format and recency, then
 * what it still needs or holds too much of. The same verdicts {@link validateIntake} gives that
 * field when the short form does not apply.
 */
export function fieldVerdicts(field: IntakeField, value: unknown, context: ReadContext & { sidFormat: SidFormat }): { reading: FieldReading; verdicts: IntakeVerdict[] } {
  const reading = readField(field, value, context);
  const invalid = new Set(reading.verdicts.filter((v) => v.severity === 'error').map((v) => v.field));
  const counts = countVerdicts(field, reading.usable, context.sidFormat).filter((v) => v.kind !== 'missing' || isGapShown(field, invalid));
  return { reading, verdicts: [...reading.verdicts, ...counts] };
}

/** A missing-information verdict is shown unless the field's given value was refused already (a list of examples always says how many it still needs). */
function isGapShown(field: IntakeField, invalid: ReadonlySet<string>): boolean {
  return field.examples !== undefined || !invalid.has(field.id);
}

function result(complete: boolean, path: IntakeVerdicts['path'], verdicts: IntakeVerdict[]): IntakeVerdicts {
  const ok = complete && !verdicts.some((v) => v.severity === 'error');
  return { ok, complete, path: complete ? path : null, verdicts };
}

/**
 * The abridged path's required fields and one of its groups hold at least one usable value each;
 * a moment too old for the short path (`tooOld`) does not count.
 */
function abridgedSatisfied(form: IntakeForm, abridged: AbridgedPath, readings: ReadonlyMap<string, FieldReading>, tooOld: ReadonlySet<string>): boolean {
  const known = new Set(form.fields.map((f) => f.id));
  const present = (id: string) => known.has(id) && !tooOld.has(id) && (readings.get(id)?.usable ?? 0) >= 1;
  return abridged.required.every(present) && (abridged.any_of.length === 0 || abridged.any_of.some((group) => group.every(present)));
}

/** The usable date-time values that are too old for the abridged path's stricter recency. */
function shortPathRecencyProblems(form: IntakeForm, abridged: AbridgedPath, readings: ReadonlyMap<string, FieldReading>, ticketOpenedAt: number): IntakeVerdict[] {
  const problems: IntakeVerdict[] = [];
  for (const [id, window] of Object.entries(abridged.recency ?? {})) {
    const field = form.fields.find((f) => f.id === id);
    const reading = readings.get(id);
    if (!field || reading?.instant === undefined || reading.usable < 1) continue;
    const problem = checkShortPathRecency(field.label, reading.instant, ticketOpenedAt, window, field.recency);
    if (problem) problems.push({ field: id, severity: 'error', kind: 'invalid', ...problem });
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

function unknownFields(form: IntakeForm, values: Readonly<Record<string, unknown>>): IntakeVerdict[] {
  const known = form.fields.map((f) => f.id);
  return Object.keys(values)
    .filter((id) => !known.includes(id))
    .map((id) => ({ field: id, severity: 'error', kind: 'invalid', code: 'intake.form.unknownField', args: { field: id, form: form.name, fields: known } }));
}
