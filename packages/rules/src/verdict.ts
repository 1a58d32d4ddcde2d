/**
 * A rule's verdict is data, not words: a code and the arguments a message needs. The service
 * phrases it for API answers ({@link englishText}); the browser shows it at the field through its
 * message catalogs, where each code is a message id and each argument an ICU argument.
 */

/** An argument of a verdict: plain values (durations in milliseconds), lists as arrays. */
export type VerdictArg = string | number | boolean | null | readonly string[];

export type VerdictArgs = Readonly<Record<string, VerdictArg>>;

/** Every verdict the intake rules give. */
export type IntakeCode =
  | 'intake.sid.empty'
  | 'intake.sid.notSid'
  | 'intake.sid.lowerCasePrefix'
  | 'intake.sid.notHex'
  | 'intake.sid.length'
  | 'intake.sid.wrongPrefix'
  | 'intake.sid.duplicate'
  | 'intake.phone.format'
  | 'intake.select.notAChoice'
  | 'intake.datetime.format'
  | 'intake.value.wrongType'
  | 'intake.recency.afterOpening'
  | 'intake.recency.bestEffort'
  | 'intake.recency.tooOld'
  | 'intake.recency.tooOldForShortForm'
  | 'intake.field.required'
  | 'intake.examples.tooFew'
  | 'intake.examples.tooMany'
  | 'intake.form.unknownField'
  | 'intake.form.shortFormUsed'
  | 'intake.form.shortFormOffer';

/** Every verdict the priority rules give. */
export type PriorityCode = 'priority.choice.productionOnly';

export type RuleCode = IntakeCode | PriorityCode;

export interface Verdict<C extends RuleCode = RuleCode> {
  code: C;
  args: VerdictArgs;
}

export type IntakeSeverity = 'error' | 'warning';

/**
 * `missing`: information the form asks for is absent (or too few examples); `invalid`: a value
 * was given but cannot be used (a malformed SID, an example too old, a field the form lacks);
 * `advice`: a note on a usable value (best-effort recency, more examples than needed).
 */
export type IntakeIssueKind = 'missing' | 'invalid' | 'advice';

/** One verdict on an intake field: the field's id, or `form` for the form as a whole. */
export interface IntakeVerdict extends Verdict<IntakeCode> {
  field: string;
  severity: IntakeSeverity;
  kind: IntakeIssueKind;
}
