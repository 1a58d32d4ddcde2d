/** A problem found in calendar data, with where it is (a dotted path inside the spec). */
export interface SpecProblem {
  path: string;
  message: string;
}

export type EngineErrorCode =
  | 'invalid_calendar'
  | 'invalid_zone'
  | 'invalid_instant'
  | 'invalid_duration'
  | 'invalid_argument'
  | 'out_of_range';

/** Every error the engine raises: a code, a plain-words message and, for specs, every problem. */
export class EngineError extends Error {
  readonly code: EngineErrorCode;
  readonly problems: SpecProblem[];

  constructor(code: EngineErrorCode, message: string, problems: SpecProblem[] = []) {
    super(message);
    this.name = 'EngineError';
    this.code = code;
    this.problems = problems;
  }
}
