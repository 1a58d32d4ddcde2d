/**
 * The rules a ticket is checked against, in one module for the service (which enforces them) and
 * the browser (which shows them at the field while a person types), so the two cannot disagree.
 * Pure TypeScript without Node or DOM APIs. A verdict is a code with arguments, never words:
 * the service phrases it with {@link englishText}; the browser's catalogs use the codes as ids.
 *
 * ```ts
 * const form = intakeFormFromPack(packForm, intake.sid_format);
 * const result = validateIntake(form, values, { ticketOpenedAt, readInstant });
 * // { ok, complete, path, verdicts: [{ field, severity, kind, code: 'intake.sid.length', args: { sid, count, length } }] }
 * ```
 */
export type { IntakeCode, IntakeIssueKind, IntakeSeverity, IntakeVerdict, PriorityCode, RuleCode, Verdict, VerdictArg, VerdictArgs } from './verdict.js';
export { HOUR, MINUTE, SECOND, readDuration } from './duration.js';
export { checkSid, prefixArgs, sidKind, splitSidList, type SidCheck, type SidCode, type SidFormat } from './sid.js';
export { checkRecency, checkShortPathRecency, type RecencyCheck, type RecencyWindow } from './recency.js';
export { INTAKE_FIELD_TYPES, type AbridgedPath, type IntakeField, type IntakeFieldType, type IntakeForm, type ReadContext } from './form.js';
export { countVerdicts, isBlank, isInternationalPhone, readField, type FieldReading } from './fields.js';
export { fieldVerdicts, validateIntake, type IntakeVerdicts } from './validate.js';
export { intakeFieldFromPack, intakeFormFromPack, intakeFormsOf, type PackIntake, type PackIntakeField, type PackIntakeForm, type PackRecency } from './pack-form.js';
export { allowedPriorities, isProductionOnly, priorityRestriction, type PriorityOption, type PriorityRestriction, type ProjectFacts } from './priority.js';
export { englishText, hoursText } from './english.js';
export { DEFAULT_LOCALE, isLocale, LOCALES, matchLocale, type Locale } from './locales.js';
