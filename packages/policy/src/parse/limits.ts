/**
 * Bounds on the work of reading a pack, checked before the YAML parser builds anything: a pack
 * file is small (the largest shipped pack is about 13 KB with some 800 values), so a text far
 * beyond that is refused at once instead of keeping the process busy. The check walks the YAML
 * library's own lexer (which knows quotes, comments and block scalars) and stops at the first limit.
 */
import { Lexer } from 'yaml';

/** The largest pack text read, in UTF-8 bytes (five times the largest shipped pack). */
export const MAX_PACK_BYTES = 64 * 1024;
/** The most values (scalars, aliases, list items, collections) a pack may hold. */
export const MAX_PACK_NODES = 5_000;
/** The deepest nesting of lists and maps opened on one line, `[`/`{` levels included. */
export const MAX_PACK_DEPTH = 32;
/** The most aliases (`*name`) a pack may use; the parser also bounds how far they expand. */
export const MAX_PACK_ALIASES = 100;

export type PackLimit = 'size' | 'nodes' | 'depth' | 'aliases';

export interface LimitExceeded {
  limit: PackLimit;
  /** 1-based line where the limit was passed (absent for the size). */
  line?: number;
  message: string;
}

const SCALAR_MARK = '\x1f';
const FLOW_OPEN = new Set(['[', '{']);
const FLOW_CLOSE = new Set([']', '}']);
const BLOCK_INDICATORS = new Set(['-', '?', ':']);

/** The first limit the text passes, or null when it is within every bound. */
export function exceededLimit(text: string): LimitExceeded | null {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_PACK_BYTES) {
    return {
      limit: 'size',
      message: `The file is ${kib(bytes)}; a policy pack may be at most ${kib(MAX_PACK_BYTES)} (${MAX_PACK_BYTES} bytes). Split it or remove what it does not need.`,
    };
  }
  let line = 1;
  let nodes = 0;
  let aliases = 0;
  let flowDepth = 0;
  let lineIndicators = 0;
  let afterScalarMark = false;
  for (const token of new Lexer().lex(text)) {
    const newlines = countNewlines(token);
    if (afterScalarMark) {
      // The source of a plain or block scalar: its text is data, whatever characters it holds.
      afterScalarMark = false;
      line += newlines;
      continue;
    }
    if (token === SCALAR_MARK) {
      afterScalarMark = true;
      nodes++;
    } else if (token.startsWith('"') || token.startsWith("'")) {
      nodes++;
    } else if (token.startsWith('*')) {
      nodes++;
      if (++aliases > MAX_PACK_ALIASES) {
        return { limit: 'aliases', line, message: `The file uses more than ${MAX_PACK_ALIASES} aliases (*name); write the values out instead of repeating aliases.` };
      }
    } else if (FLOW_OPEN.has(token)) {
      nodes++;
      flowDepth++;
    } else if (FLOW_CLOSE.has(token)) {
      flowDepth = Math.max(0, flowDepth - 1);
    } else if (BLOCK_INDICATORS.has(token)) {
      if (token !== ':') nodes++;
      lineIndicators++;
    }
    if (flowDepth + lineIndicators > MAX_PACK_DEPTH) {
      return { limit: 'depth', line, message: `Lists and maps are nested more than ${MAX_PACK_DEPTH} levels deep here; a policy pack needs far fewer. Flatten this value.` };
    }
    if (nodes > MAX_PACK_NODES) {
      return { limit: 'nodes', line, message: `The file holds more than ${MAX_PACK_NODES} values; a policy pack needs far fewer. Remove what it does not need.` };
    }
    if (newlines > 0) {
      line += newlines;
      lineIndicators = 0;
    }
  }
  return null;
}

function countNewlines(token: string): number {
  let count = 0;
  for (let i = token.indexOf('\n'); i !== -1; i = token.indexOf('\n', i + 1)) count++;
  return count;
}

function kib(bytes: number): string {
  return `${Math.ceil(bytes / 1024)} KiB`;
}
