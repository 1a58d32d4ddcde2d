import type { RecencyWindow } from './recency.js';
import type { SidFormat } from './sid.js';

export type IntakeFieldType = 'text' | 'textarea' | 'sid_list' | 'phone' | 'datetime' | 'select';

/** One field of a product intake form, as the validator enforces it. */
export interface IntakeField {
  id: string;
  label: string;
  type: IntakeFieldType;
  /** Required on the detailed path. */
  required: boolean;
  help?: string | undefined;
  /** `select`: the allowed values. */
  options?: readonly string[] | undefined;
  /** `sid_list`: the SID prefixes that fit the product (CA for voice calls, SM/MM for messages…). */
  sid_prefixes?: readonly string[] | undefined;
  /** `sid_list`: how many examples the detailed path asks for (fewer: error; more: warning). */
  examples?: { min: number; max: number } | undefined;
  /** `datetime`: how recent the moment must be, back from the ticket's opening. */
  recency?: RecencyWindow | undefined;
}

/**
 * The short way to file a ticket when the full details are hard to collect: the `required`
 * fields plus any one of the `any_of` groups (a `sid_list` in a group needs only one SID).
 */
export interface AbridgedPath {
  explanation: string;
  required: readonly string[];
  any_of: readonly (readonly string[])[];
  /** Datetime fields that must be more recent on this path than on the detailed one (messaging: 48h, not 72h). */
  recency?: Readonly<Record<string, RecencyWindow>> | undefined;
}

export interface IntakeForm {
  id: string;
  name: string;
  description?: string | undefined;
  fields: readonly IntakeField[];
  abridged?: AbridgedPath | undefined;
  /** The pack's SID format; needed when the form has `sid_list` fields. */
  sid_format?: SidFormat | undefined;
}

export type IntakeSeverity = 'error' | 'warning';

/**
 * `missing`: information the form asks for is absent (or too few examples); `invalid`: a value
 * was given but cannot be used (a malformed SID, an example too old, a field the form lacks);
 * `advice`: a note on a usable value (best-effort recency, more examples than needed).
 */
export type IntakeIssueKind = 'missing' | 'invalid' | 'advice';

export interface IntakeIssue {
  /** The field's id, or `form` for the form as a whole. */
  field: string;
  severity: IntakeSeverity;
  kind: IntakeIssueKind;
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
