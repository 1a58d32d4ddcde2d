/** One thing wrong with a policy pack file: where it is (a path inside the data and, when known, the line and column) and what to do. */
export interface Problem {
  file: string;
  /** Where in the data, e.g. `versions[0].plans[1].targets[0].duration`; empty for the whole file. */
  path: string;
  /** 1-based line of the offending YAML node. */
  line?: number;
  /** 1-based column of the offending YAML node. */
  column?: number;
  message: string;
}

export type PolicyErrorCode =
  | 'unknown_pack'
  | 'unknown_plan'
  | 'unknown_priority'
  | 'unknown_metric'
  | 'unknown_version'
  | 'unknown_calendar'
  | 'unknown_intake_form'
  | 'duplicate_pack'
  | 'invalid_pack';

/** Every error raised by the policy package: a code and a plain-words message. */
export class PolicyError extends Error {
  readonly code: PolicyErrorCode;
  /** For `invalid_pack`: every problem found in the file. */
  readonly problems: Problem[];

  constructor(code: PolicyErrorCode, message: string, problems: Problem[] = []) {
    super(message);
    this.name = 'PolicyError';
    this.code = code;
    this.problems = problems;
  }
}

/** `a, b, c` for messages that list the valid choices. */
export function listIds(ids: readonly string[]): string {
  return ids.length === 0 ? '(none)' : ids.join(', ');
}
