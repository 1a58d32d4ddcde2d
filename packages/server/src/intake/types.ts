import type { IntakeCode, IntakeIssueKind, IntakeSeverity, VerdictArgs } from '@hourglass/rules';

export type { AbridgedPath, IntakeField, IntakeFieldType, IntakeForm, IntakeIssueKind, IntakeSeverity } from '@hourglass/rules';

/** A verdict of the intake rules with its English phrasing, as the API answers show it. */
export interface IntakeIssue {
  /** The field's id, or `form` for the form as a whole. */
  field: string;
  severity: IntakeSeverity;
  kind: IntakeIssueKind;
  code: IntakeCode;
  args: VerdictArgs;
  message: string;
}

/**
 * `complete`: the minimum information is there in usable form (the detailed path, or the
 * abridged one); it starts the clocks of packs that wait for intake. `ok`: nothing blocks the
 * ticket (no errors at all; warnings only inform).
 */
export interface IntakeResult {
  ok: boolean;
  complete: boolean;
  /** Which path made the intake complete. */
  path: 'detailed' | 'abridged' | null;
  issues: IntakeIssue[];
}
