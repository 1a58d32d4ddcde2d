/** Flag parsing on node:util parseArgs, with usage errors in plain words. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

const HELP_OPTION = { help: { type: 'boolean', short: 'h' } } as const;

function explainParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code;
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && unknown) return `unknown flag ${unknown[1]}`;
  const missing = /Option '(?:-\w, )?(--?[\w-]+)[^']*' argument (missing|is ambiguous)/.exec(message);
  if (missing) return `the flag ${missing[1]} needs a value (write ${missing[1]}=VALUE when the value starts with a dash)`;
  const unexpected = /Unexpected argument '([^']+)'/.exec(message);
  if (unexpected) return `unexpected argument "${unexpected[1]}"`;
  return message.split('\n')[0] ?? message;
}

/** Parses `args` against `options` (plus `--help`/`-h`); unknown flags and stray words are usage errors. */
export function parseFlags(args: string[], options: Options, allowPositionals = false): ParsedArgs {
  try {
    const parsed = parseArgs({ args, options: { ...options, ...HELP_OPTION }, allowPositionals, strict: true });
    return { values: parsed.values as ParsedArgs['values'], positionals: parsed.positionals };
  } catch (error) {
    throw new UsageError(explainParseError(error));
  }
}

/** A string flag's value, or undefined when it was not given. */
export function optionalString(parsed: ParsedArgs, name: string): string | undefined {
  const value = parsed.values[name];
  return typeof value === 'string' ? value : undefined;
}

/** A string flag that must be given. */
export function requiredString(parsed: ParsedArgs, name: string, example: string): string {
  const value = optionalString(parsed, name);
  if (value === undefined || value.trim() === '') throw new UsageError(`--${name} is required (e.g. --${name} ${example})`);
  return value;
}

/** A numeric flag: finite and zero or more; whole when `whole` is set. */
export function optionalNumber(parsed: ParsedArgs, name: string, whole: boolean): number | undefined {
  const text = optionalString(parsed, name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw new UsageError(`--${name} must be a number (got "${text}")`);
  if (value < 0) throw new UsageError(`--${name} must be zero or more (got ${text})`);
  if (whole && !Number.isInteger(value)) throw new UsageError(`--${name} must be a whole number (got ${text})`);
  return value;
}

export function flag(parsed: ParsedArgs, name: string): boolean {
  return parsed.values[name] === true;
}

export function wantsHelp(parsed: ParsedArgs): boolean {
  return parsed.values.help === true;
}
