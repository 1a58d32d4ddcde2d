/**
 * A broken ticket rule: a stable code the HTTP layer maps to a status, and a message written for
 * the person who tried the action (what is wrong and what to do instead).
 */
export interface RuleViolation<Code extends string = string> {
  code: Code;
  message: string;
  /** The request field at fault, when one is (`priority`, `reason`, `status`). */
  field?: string;
  /** The message as an entry of the server's catalogs, so each reader gets it in their language. */
  text?: RuleText;
}

/** A message id of the server's catalogs with its ICU arguments; lists are joined in the reader's language. */
export interface RuleText {
  id: string;
  values?: Readonly<Record<string, string | number>>;
  lists?: Readonly<Record<string, { items: readonly string[]; type: 'conjunction' | 'disjunction' | 'unit' }>>;
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
  text?: RuleText,
): { ok: false; violation: RuleViolation<Code> } {
  return { ok: false, violation: { code, message, ...(field === undefined ? {} : { field }), ...(text === undefined ? {} : { text }) } };
}
