import { AppError, type ErrorIssue, textIn } from '../errors.js';
import { DEFAULT_LOCALE, type Locale } from '../i18n/index.js';
import { findIntakeForm, isBlank, type IntakeForm, type IntakeIssue, type PackIntakeForm, validateIntake, verdictText } from '../intake/index.js';
import type { CatalogPackVersion } from '../policy/catalog.js';

/** The intake forms of a pack version, as the pack writes them (what a client renders). */
export function formsOf(version: CatalogPackVersion): readonly PackIntakeForm[] {
  return version.intake?.forms ?? [];
}

/** The form a ticket chose, ready for the validator; an unknown id is a 422 on `path`. */
export function findForm(version: CatalogPackVersion, formId: string, path: string): IntakeForm {
  const found = findIntakeForm(version.intake, formId, path);
  if (!found.ok) throw new AppError('unknown_intake_form', undefined, [{ path, message: found.message, text: found.text }]);
  return found.form;
}

export interface IntakeOutcome {
  complete: boolean;
  /** Soft guidance to return with the ticket. */
  warnings: IntakeIssue[];
}

/**
 * Checks the intake values of a ticket against its form. A value that is given but unusable (a
 * malformed SID, an example too old, a field the form does not have) is always a hard error (422).
 * Missing information is a hard error too, except where the pack starts its clocks only once the
 * intake is complete: such a ticket is accepted as incomplete, with the gaps as warnings.
 */
export function checkIntake(
  version: CatalogPackVersion,
  form: IntakeForm,
  values: Readonly<Record<string, unknown>>,
  openedAt: number,
  pathPrefix: string,
): IntakeOutcome {
  const result = validateIntake(form, values, openedAt);
  const errors = result.issues.filter((i) => i.severity === 'error');
  const deferrable = version.clockStart === 'on_intake_complete';
  const hard = errors.filter((i) => !deferrable || !isMissingInformation(i, values, form));
  if (hard.length > 0) {
    const issues: ErrorIssue[] = hard.map((i) => ({ path: issuePath(pathPrefix, i.field), message: i.message, text: verdictText(i) }));
    throw new AppError(
      'intake_invalid',
      `The ${form.name} details need fixing before the ticket can be accepted; see issues for each field.`,
      issues,
      { id: 'error.intake.needsFixing', values: { form: form.name } },
    );
  }
  const soft = result.issues.filter((i) => !hard.includes(i));
  return {
    complete: result.complete,
    warnings: soft.map((i) => ({ ...i, severity: 'warning' as const })),
  };
}

/** An error about information that is absent (not about a value that was given). */
function isMissingInformation(issue: IntakeIssue, values: Readonly<Record<string, unknown>>, form: IntakeForm): boolean {
  if (issue.field === 'form') return true;
  if (!form.fields.some((f) => f.id === issue.field)) return false;
  if (isBlank(values[issue.field])) return true;
  // A SID list with too few examples: the ones given are fine, more are missing.
  return issue.code === 'intake.examples.tooFew';
}

export function issuePath(prefix: string, field: string): string {
  return field === 'form' ? prefix : `${prefix}.${field}`;
}

/** Soft intake guidance as an answer carries it, in the reader's language (English as the verdict words it). */
export function presentWarnings(prefix: string, warnings: readonly IntakeIssue[], locale: Locale = DEFAULT_LOCALE) {
  return warnings.map((w) => ({ path: issuePath(prefix, w.field), severity: w.severity, message: warningText(w, locale) }));
}

function warningText(warning: IntakeIssue, locale: Locale): string {
  return locale === DEFAULT_LOCALE ? warning.message : textIn(verdictText(warning), locale);
}

/** The choice of a form, named in words: "Sending or receiving messages, Number porting (migration) or …". */
export function formNamesOf(version: CatalogPackVersion): string {
  const names = formsOf(version).map((f) => f.name);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

/** The warning of a ticket filed without a topic under a pack whose clocks wait for complete details. */
export function noTopicWarning(version: CatalogPackVersion, path: string, locale: Locale = DEFAULT_LOCALE): { path: string; severity: 'warning'; message: string } {
  const forms = { items: formsOf(version).map((f) => f.name), type: 'disjunction' as const };
  return {
    path,
    severity: 'warning',
    message:
      locale === DEFAULT_LOCALE
        ? `No response time runs yet: under this plan it counts from when the required details are complete. Choose what the ticket is about (${formNamesOf(version)}) and fill in its details.`
        : textIn({ id: 'ticket.intake.noTopic', lists: { forms } }, locale),
  };
}

/** One thing a ticket's intake still needs, in words: the field's label from the pack's form. */
export interface IntakeGap {
  /** The field id; `product` when no form is chosen yet; `form` for the form as a whole. */
  field: string;
  label: string;
  message: string;
  /** The intake rules' verdict and its arguments; `null` for the choice of a form. */
  code: IntakeIssue['code'] | null;
  args: IntakeIssue['args'];
}

export interface IntakeState {
  complete: boolean;
  form: { id: string; name: string } | null;
  /** What is missing or unusable, each in words; empty when complete. */
  missing: IntakeGap[];
  /** Advice on usable values (best-effort recency, the short form used). */
  notes: IntakeGap[];
}

/** Where a ticket's intake stands under its pinned pack version: which form, what is still missing. */
export function intakeStateOf(
  version: CatalogPackVersion,
  ticket: { product: string | null; intake: Readonly<Record<string, unknown>>; created_at: Date },
): IntakeState {
  const forms = formsOf(version);
  if (forms.length === 0) return { complete: true, form: null, missing: [], notes: [] };
  const chosen = ticket.product === null ? undefined : forms.find((f) => f.id === ticket.product);
  if (chosen === undefined) {
    return {
      complete: false,
      form: null,
      missing: [
        { field: 'product', label: 'What the ticket is about', message: `Choose what the ticket is about (${formNamesOf(version)}) and fill in its details.`, code: null, args: { forms: forms.map((f) => f.name) } },
      ],
      notes: [],
    };
  }
  const form = findForm(version, chosen.id, 'product');
  const result = validateIntake(form, ticket.intake, ticket.created_at.getTime());
  const labelOf = (field: string) => (field === 'form' ? form.name : (form.fields.find((f) => f.id === field)?.label ?? field));
  const gap = (i: IntakeIssue): IntakeGap => ({ field: i.field, label: labelOf(i.field), message: i.message, code: i.code, args: i.args });
  return {
    complete: result.complete,
    form: { id: form.id, name: form.name },
    missing: result.complete ? [] : result.issues.filter((i) => i.severity === 'error').map(gap),
    notes: result.issues.filter((i) => i.severity === 'warning').map(gap),
  };
}
