/**
 * A broken ticket rule: a stable code the HTTP layer maps to a status, and a message written for
 * the person who tried the action (what is wrong and what to do instead).
 */
export interface RuleViolation<Code extends string = string> {
  code: Code;
  message: string;
  /** The request field at fault, when one is (`priority`, `reason`, `status`). */
  field?: string;
}

export type Outcome<T, Code extends string = string> =
  | { ok: true; value: T }
  | { ok: false; violation: RuleViolation<Code> };

export function success<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function violation<Code extends string>(
  code: Code,
  message: string,
  field?: string,
): { ok: false; violation: RuleViolation<Code> } {
  return { ok: false, violation: field === undefined ? { code, message } : { code, message, field } };
}
