import { parseDuration, type Duration } from '@hourglass/engine';
import type { RecencyWindow } from './recency.js';
import type { SidFormat } from './sid.js';
import type { IntakeField, IntakeFieldType, IntakeForm } from './types.js';

const FIELD_TYPES: readonly IntakeFieldType[] = ['text', 'textarea', 'sid_list', 'phone', 'datetime', 'select'];

/** A duration as a pack writes it (`24h`, `PT72H`) or as milliseconds. */
type PackDuration = string | number;

/** An intake field as a policy pack writes it (`IntakeFieldData` of `@hourglass/policy`). */
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

/** How recent a datetime must be, as a pack writes it. */
interface PackRecency {
  readonly ok_within: PackDuration;
  readonly best_effort_within?: PackDuration | undefined;
}

/** An intake form as a policy pack writes it (`IntakeFormData`). */
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

/** A pack version's `intake` (`IntakeData`): its forms and the SID format they share. */
export interface PackIntake {
  readonly forms: readonly PackIntakeForm[];
  readonly sid_format?: SidFormat | undefined;
}

export type IntakeFormLookup = { ok: true; form: IntakeForm } | { ok: false; field: string; message: string };

/** Every intake form of a pack version, ready for {@link validateIntake}; none when the pack has no intake. */
export function intakeFormsOf(intake: PackIntake | null | undefined): IntakeForm[] {
  return (intake?.forms ?? []).map((form) => intakeFormFromPack(form, intake?.sid_format));
}

/**
 * The intake form a ticket uses (a product such as `voice`, or a 360dialog topic), or a plain
 * error naming the forms of the pack. `field` is the request field that chose the form.
 */
export function findIntakeForm(
  intake: PackIntake | null | undefined,
  formId: string,
  field = 'product',
): IntakeFormLookup {
  const forms = intake?.forms ?? [];
  const found = forms.find((f) => f.id === formId);
  if (found) return { ok: true, form: intakeFormFromPack(found, intake?.sid_format) };
  const valid = forms.map((f) => `${f.id} (${f.name})`).join(', ');
  return {
    ok: false,
    field,
    message:
      forms.length === 0
        ? `This support policy has no intake forms, so "${formId}" cannot be used; leave ${field} out.`
        : `"${formId}" is not an intake form of this support policy; use one of ${valid}.`,
  };
}

/** One pack form as the validator reads it: durations in milliseconds, defaults filled in. */
export function intakeFormFromPack(form: PackIntakeForm, sidFormat?: SidFormat | undefined): IntakeForm {
  return {
    id: form.id,
    name: form.name,
    description: form.description,
    fields: form.fields.map((field) => fieldFromPack(form, field)),
    abridged: form.abridged && {
      explanation: form.abridged.explanation,
      required: form.abridged.required,
      any_of: form.abridged.any_of ?? [],
      recency: Object.fromEntries(Object.entries(form.abridged.recency ?? {}).map(([id, window]) => [id, recencyFromPack(window)])),
    },
    sid_format: sidFormat,
  };
}

function fieldFromPack(form: PackIntakeForm, field: PackIntakeField): IntakeField {
  const type = FIELD_TYPES.find((t) => t === field.type);
  if (!type) {
    throw new Error(
      `Field "${field.id}" of the ${form.name} intake form has the type "${field.type}"; a field's type must be one of ${FIELD_TYPES.join(', ')}.`,
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
    recency: recency && recencyFromPack(recency),
  };
}

function recencyFromPack(recency: PackRecency): RecencyWindow {
  return {
    okWithin: durationOf(recency.ok_within),
    bestEffortWithin: recency.best_effort_within === undefined ? null : durationOf(recency.best_effort_within),
  };
}

function durationOf(value: PackDuration): Duration {
  return typeof value === 'number' ? value : parseDuration(value);
}
