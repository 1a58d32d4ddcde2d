import { readDuration } from './duration.js';
import { INTAKE_FIELD_TYPES, type IntakeField, type IntakeForm } from './form.js';
import type { RecencyWindow } from './recency.js';
import type { SidFormat } from './sid.js';

/** A duration as a pack writes it (`24h`, `PT72H`) or as milliseconds. */
type PackDuration = string | number;

/** How recent a datetime must be, as a pack writes it. */
export interface PackRecency {
  readonly ok_within: PackDuration;
  readonly best_effort_within?: PackDuration | undefined;
}

/** An intake field as a policy pack writes it (and the intake-forms API returns it). */
export interface PackIntakeField {
  readonly id: string;
  readonly label: string;
  readonly type: string;
  readonly required?: boolean | undefined;
  readonly help?: string | undefined;
  readonly options?: readonly string[] | undefined;
  readonly sid_prefixes?: readonly string[] | undefined;
  readonly examples?: { readonly min: number; readonly max: number } | undefined;
  readonly recency?: PackRecency | undefined;
}

/** An intake form as a policy pack writes it. */
export interface PackIntakeForm {
  readonly id: string;
  readonly name: string;
  readonly description?: string | undefined;
  readonly fields: readonly PackIntakeField[];
  readonly abridged?:
    | {
        readonly explanation: string;
        readonly required: readonly string[];
        readonly any_of?: readonly (readonly string[])[] | undefined;
        readonly recency?: Readonly<Record<string, PackRecency>> | undefined;
      }
    | undefined;
}

/** A pack version's `intake`: its forms and the SID format they share. */
export interface PackIntake {
  readonly forms: readonly PackIntakeForm[];
  readonly sid_format?: SidFormat | null | undefined;
}

/** One pack form as the rules read it: durations in milliseconds, defaults filled in. */
export function intakeFormFromPack(form: PackIntakeForm, sidFormat?: SidFormat | null | undefined): IntakeForm {
  return {
    id: form.id,
    name: form.name,
    description: form.description,
    fields: form.fields.map((field) => fieldFromPack(form, field)),
    abridged: form.abridged && {
      explanation: form.abridged.explanation,
      required: form.abridged.required,
      any_of: form.abridged.any_of ?? [],
      recency: Object.fromEntries(Object.entries(form.abridged.recency ?? {}).map(([id, window]) => [id, recencyFromPack(form, id, window)])),
    },
    sid_format: sidFormat ?? undefined,
  };
}

/** Every intake form of a pack version, ready for the rules; none when the pack has no intake. */
export function intakeFormsOf(intake: PackIntake | null | undefined): IntakeForm[] {
  return (intake?.forms ?? []).map((form) => intakeFormFromPack(form, intake?.sid_format));
}

/** One field of a pack form as the rules read it (for a page that shows one field at a time). */
export function intakeFieldFromPack(field: PackIntakeField, form: Pick<PackIntakeForm, 'name'> = { name: 'intake' }): IntakeField {
  return fieldFromPack(form, field);
}

function fieldFromPack(form: Pick<PackIntakeForm, 'name'>, field: PackIntakeField): IntakeField {
  const type = INTAKE_FIELD_TYPES.find((t) => t === field.type);
  if (!type) {
    throw new Error(
      `Field "${field.id}" of the ${form.name} intake form has the type "${field.type}"; a field's type must be one of ${INTAKE_FIELD_TYPES.join(', ')}.`,
    );
  }
  const recency = field.recency;
  return {
    id: field.id,
    label: field.label,
    type,
    required: field.required === true,
    help: field.help,
    options: field.options,
    sid_prefixes: field.sid_prefixes,
    examples: field.examples,
    recency: recency && recencyFromPack(form, field.id, recency),
  };
}

function recencyFromPack(form: Pick<PackIntakeForm, 'name'>, fieldId: string, recency: PackRecency): RecencyWindow {
  return {
    okWithin: durationOf(form, fieldId, recency.ok_within),
    bestEffortWithin: recency.best_effort_within === undefined ? null : durationOf(form, fieldId, recency.best_effort_within),
  };
}

function durationOf(form: Pick<PackIntakeForm, 'name'>, fieldId: string, value: PackDuration): number {
  const ms = readDuration(value);
  if (ms === null) {
    throw new Error(`The recency of field "${fieldId}" of the ${form.name} intake form is ${JSON.stringify(value)}, which is not a duration; write e.g. 24h, 1h30m or PT72H.`);
  }
  return ms;
}
