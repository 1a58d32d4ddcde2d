import { intakeFormFromPack, type IntakeForm, type PackIntake } from '@hourglass/rules';
import type { LocalizedText } from '../errors.js';

export { intakeFormFromPack, intakeFormsOf, type PackIntake, type PackIntakeField, type PackIntakeForm } from '@hourglass/rules';

export type IntakeFormLookup = { ok: true; form: IntakeForm } | { ok: false; field: string; message: string; text: LocalizedText };

/**
 * The intake form a ticket uses (a product such as `voice`, or a 360dialog topic), or a plain
 * error naming the forms of the pack. `field` is the request field that chose the form.
 */
export function findIntakeForm(intake: PackIntake | null | undefined, formId: string, field = 'product'): IntakeFormLookup {
  const forms = intake?.forms ?? [];
  const found = forms.find((f) => f.id === formId);
  if (found) return { ok: true, form: intakeFormFromPack(found, intake?.sid_format) };
  const valid = forms.map((f) => `${f.id} (${f.name})`).join(', ');
  return {
    ok: false,
    field,
    text:
      forms.length === 0
        ? { id: 'error.intake.noForms', values: { form: formId, field } }
        : { id: 'error.intake.unknownForm', values: { form: formId }, lists: { forms: { items: forms.map((f) => `${f.id} (${f.name})`), type: 'unit' } } },
    message:
      forms.length === 0
        ? `This support policy has no intake forms, so "${formId}" cannot be used; leave ${field} out.`
        : `"${formId}" is not an intake form of this support policy; use one of ${valid}.`,
  };
}
