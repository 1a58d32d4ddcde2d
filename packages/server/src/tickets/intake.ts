import { AppError, type ErrorIssue } from '../errors.js';
import { isBlank } from '../intake/field-checks.js';
import { findIntakeForm, type IntakeForm, type IntakeIssue, type PackIntakeForm, validateIntake } from '../intake/index.js';
import type { CatalogPackVersion } from '../policy/catalog.js';

/** The intake forms of a pack version, as the pack writes them (what a client renders). */
export function formsOf(version: CatalogPackVersion): readonly PackIntakeForm[] {
  return version.intake?.forms ?? [];
}

/** The form a ticket chose, ready for the validator; an unknown id is a 422 on `path`. */
export function findForm(version: CatalogPackVersion, formId: string, path: string): IntakeForm {
  const found = findIntakeForm(version.intake, formId, path);
  if (!found.ok) throw new AppError('unknown_intake_form', undefined, [{ path, message: found.message }]);
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
    const issues: ErrorIssue[] = hard.map((i) => ({ path: issuePath(pathPrefix, i.field), message: i.message }));
    throw new AppError(
      'intake_invalid',
      `The ${form.name} details need fixing before the ticket can be accepted; see issues for each field.`,
      issues,
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
  return /\((none yet|\d+ valid so far)\)/.test(issue.message);
}

export function issuePath(prefix: string, field: string): string {
  return field === 'form' ? prefix : `${prefix}.${field}`;
}

export function presentWarnings(prefix: string, warnings: readonly IntakeIssue[]) {
  return warnings.map((w) => ({ path: issuePath(prefix, w.field), severity: w.severity, message: w.message }));
}
