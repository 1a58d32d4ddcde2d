/**
 * Intake forms: what a good ticket holds, per product or topic of a policy pack, checked field
 * by field by the shared rules of `@hourglass/rules` (the browser shows the same verdicts at the
 * fields), each verdict with its English phrasing. Hard errors block, soft warnings inform;
 * `complete` (the detailed or abridged path is satisfied) starts the clocks of packs that wait for
 * intake. Pure: `now`-free, recency is measured back from the ticket's opening.
 *
 * ```ts
 * const found = findIntakeForm(version.intake, 'voice');
 * if (!found.ok) return badRequest(found.field, found.message);
 * const result = validateIntake(found.form, body.intake, ticket.created_at);
 * // { ok, complete, path: 'detailed' | 'abridged' | null, issues: [{ field, severity, kind, code, args, message }] }
 * ```
 */
export { issueOf, readIsoInstant, validateIntake } from './validate.js';
export { verdictText } from './verdict-text.js';
export { intakeCompletedAt, isIntakeComplete, type TicketIntake } from './completion.js';
export {
  findIntakeForm,
  intakeFormFromPack,
  intakeFormsOf,
  type IntakeFormLookup,
  type PackIntake,
  type PackIntakeField,
  type PackIntakeForm,
} from './forms.js';
export { isBlank } from '@hourglass/rules';
export type { AbridgedPath, IntakeField, IntakeFieldType, IntakeForm, IntakeIssue, IntakeIssueKind, IntakeResult, IntakeSeverity } from './types.js';
