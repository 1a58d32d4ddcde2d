import type { RecencyWindow } from './recency.js';
import type { SidFormat } from './sid.js';

export const INTAKE_FIELD_TYPES = ['text', 'textarea', 'sid_list', 'phone', 'datetime', 'select'] as const;

export type IntakeFieldType = (typeof INTAKE_FIELD_TYPES)[number];

/** One field of a product intake form, as the rules read it (durations in milliseconds). */
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

/**
 * What reading values needs besides the form: the ticket's opening (recency is measured back
 * from it, in milliseconds), and how a date-time value is read into an instant (the service reads
 * ISO 8601 with an offset; a browser's date-time input is read in the browser's zone).
 */
export interface ReadContext {
  ticketOpenedAt: number;
  readInstant: (text: string) => number | null;
}
