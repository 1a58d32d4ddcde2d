/**
 * Resource identifiers (SIDs): a two-letter type prefix followed by a fixed number of
 * hexadecimal characters, e.g. `CA` + 32 hex for a Twilio call. The prefixes and the length
 * come from the policy pack's `intake.sid_format`.
 */
import type { Verdict } from './verdict.js';

/** A pack's SID format: how many hexadecimal characters follow the prefix, and what each prefix identifies. */
export interface SidFormat {
  readonly hex_length: number;
  readonly kinds: Readonly<Record<string, string>>;
}

/** What a prefix identifies (`call` for CA), or `CA resource` when the pack does not say. */
export function sidKind(prefix: string, format: SidFormat): string {
  return format.kinds[prefix] ?? `${prefix} resource`;
}

/** The prefixes a field accepts and what each identifies, as verdict arguments. */
export function prefixArgs(prefixes: readonly string[], format: SidFormat): { prefixes: readonly string[]; kinds: readonly string[] } {
  return { prefixes, kinds: prefixes.map((p) => sidKind(p, format)) };
}

export type SidCode = 'intake.sid.empty' | 'intake.sid.notSid' | 'intake.sid.lowerCasePrefix' | 'intake.sid.notHex' | 'intake.sid.length' | 'intake.sid.wrongPrefix';

export type SidCheck = { ok: true; sid: string; prefix: string } | { ok: false; verdict: Verdict<SidCode> };

/** Checks one SID: its shape, and that its prefix is one of `prefixes` (when given). */
export function checkSid(raw: string, format: SidFormat, prefixes: readonly string[] = []): SidCheck {
  const sid = raw.trim();
  const length = format.hex_length;
  const fail = (code: SidCode, args: Verdict['args']): SidCheck => ({ ok: false, verdict: { code, args: { sid, ...args } } });
  if (sid === '') return fail('intake.sid.empty', {});
  if (!/^[A-Za-z]{2}/.test(sid)) return fail('intake.sid.notSid', { length });
  const prefix = sid.slice(0, 2);
  if (prefix !== prefix.toUpperCase()) return fail('intake.sid.lowerCasePrefix', { prefix, upperCase: prefix.toUpperCase() });
  const rest = sid.slice(2);
  const bad = /[^0-9a-fA-F]/.exec(rest);
  if (bad) return fail('intake.sid.notHex', { character: bad[0] });
  if (rest.length !== length) return fail('intake.sid.length', { count: rest.length, length });
  if (prefixes.length > 0 && !prefixes.includes(prefix)) {
    return fail('intake.sid.wrongPrefix', { prefix, kind: sidKind(prefix, format), ...prefixArgs(prefixes, format) });
  }
  return { ok: true, sid, prefix };
}

/** Splits a pasted list of SIDs on white space, commas and semicolons. */
export function splitSidList(value: unknown): string[] {
  if (Array.isArray(value)) {
    return value.flatMap((v) => (typeof v === 'string' ? splitSidList(v) : []));
  }
  if (typeof value !== 'string') return [];
  return value.split(/[\s,;]+/).filter((part) => part !== '');
}
