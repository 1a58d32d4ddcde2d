/**
 * Resource identifiers (SIDs): a two-letter type prefix followed by a fixed number of
 * hexadecimal characters, e.g. `CA` + 32 hex for a Twilio call. The prefixes and the length
 * come from the policy pack's `intake.sid_format`.
 */

/** A pack's SID format: how many hexadecimal characters follow the prefix, and what each prefix identifies. */
export interface SidFormat {
  readonly hex_length: number;
  readonly kinds: Readonly<Record<string, string>>;
}

export function sidKind(prefix: string, format: SidFormat): string {
  return format.kinds[prefix] ?? `${prefix} resource`;
}

export type SidCheck = { ok: true; sid: string; prefix: string } | { ok: false; problem: string };

/**
 * Checks one SID: its shape, and that its prefix is one of `prefixes` (when given). The problem
 * says what is wrong with this particular value, in plain words.
 */
export function checkSid(raw: string, format: SidFormat, prefixes: readonly string[] = []): SidCheck {
  const sid = raw.trim();
  const shape = shapeProblem(sid, format);
  if (shape) return { ok: false, problem: shape };
  const prefix = sid.slice(0, 2);
  if (prefixes.length > 0 && !prefixes.includes(prefix)) {
    return {
      ok: false,
      problem: `"${sid}" has the prefix ${prefix} (${sidKind(prefix, format)}); this field needs ${describePrefixes(prefixes, format)}.`,
    };
  }
  return { ok: true, sid, prefix };
}

/** `call SIDs (CA…)` or `SMS message or MMS message SIDs (SM… or MM…)`. */
export function describePrefixes(prefixes: readonly string[], format: SidFormat): string {
  if (prefixes.length === 0) return 'SIDs';
  const kinds = prefixes.map((p) => sidKind(p, format)).join(' or ');
  const shapes = prefixes.map((p) => `${p}…`).join(' or ');
  return `${kinds} SIDs (${shapes})`;
}

function shapeProblem(sid: string, format: SidFormat): string | null {
  const length = format.hex_length;
  if (sid === '') return 'An empty value is not a SID.';
  if (!/^[A-Za-z]{2}/.test(sid)) {
    return `"${sid}" does not look like a SID: a SID starts with two letters that say what it identifies (such as CA for a call), followed by ${length} hexadecimal characters.`;
  }
  const prefix = sid.slice(0, 2);
  if (prefix !== prefix.toUpperCase()) {
    return `"${sid}" starts with "${prefix}"; SID prefixes are upper-case letters (${prefix.toUpperCase()}).`;
  }
  const rest = sid.slice(2);
  const bad = rest.match(/[^0-9a-fA-F]/);
  if (bad) {
    return `"${sid}" contains "${bad[0]}"; after the two-letter prefix a SID has only hexadecimal characters (0-9, a-f).`;
  }
  if (rest.length !== length) {
    return `"${sid}" has ${rest.length} hexadecimal characters after its prefix; a SID has exactly ${length}. Copy it again from the Console or the logs.`;
  }
  return null;
}

/** Splits a pasted list of SIDs on white space, commas and semicolons. */
export function splitSidList(value: unknown): string[] {
  if (Array.isArray(value)) {
    return value.flatMap((v) => (typeof v === 'string' ? splitSidList(v) : []));
  }
  if (typeof value !== 'string') return [];
  return value.split(/[\s,;]+/).filter((part) => part !== '');
}
