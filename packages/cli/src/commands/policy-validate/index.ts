/** `hourglass policy validate FILE...`: checks policy pack files and reports every problem with its place. */
import { readFile } from 'node:fs/promises';
import { parsePack, type CompiledPack, type Problem } from '@hourglass/policy';
import { parseFlags, wantsHelp } from '../../args.js';
import type { Command } from '../../command.js';
import { messageOf, UsageError } from '../../errors.js';
import { writeLine, type CliIo } from '../../io.js';

export const POLICY_VALIDATE_HELP = `hourglass policy validate: check policy pack files

Usage:
  hourglass policy validate FILE...

Prints one summary line per valid file. For an invalid file, prints every problem as
  FILE:LINE:COL path: message
Exit status: 0 when every file is valid, 1 when a file has problems, 2 when a file cannot be read.

Flags:
  -h, --help   show this help`;

const EXIT_INVALID = 1;
const EXIT_UNREADABLE = 2;

/** `FILE:LINE:COL path: message`, leaving out what the problem does not know. */
export function formatProblem(problem: Problem, file: string): string {
  const place = problem.line === undefined ? file : `${file}:${problem.line}:${problem.column ?? 1}`;
  return problem.path ? `${place} ${problem.path}: ${problem.message}` : `${place}: ${problem.message}`;
}

/** `twilio (Twilio): versions 2020-01, 2025-04; plans …; calendars …` */
export function packSummary(pack: CompiledPack): string {
  const plans = new Set<string>();
  const calendars = new Set<string>();
  for (const version of pack.versions) {
    for (const id of version.planIds()) plans.add(id);
    for (const id of version.calendarIds()) calendars.add(id);
  }
  const versions = pack.versions.map((v) => v.id).join(', ');
  return `pack ${pack.id} (${pack.name}): versions ${versions}; plans ${[...plans].join(', ')}; calendars ${[...calendars].join(', ')}`;
}

function unreadable(file: string, error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return `${file}: no such file (check the path)`;
  if (code === 'EISDIR') return `${file}: is a folder, not a policy pack file`;
  if (code === 'EACCES') return `${file}: permission denied`;
  return `${file}: cannot be read (${messageOf(error)})`;
}

/** Validates one file and resolves to its exit status. */
export async function validateFile(file: string, io: CliIo): Promise<number> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    writeLine(io.stderr, `error: ${unreadable(file, error)}`);
    return EXIT_UNREADABLE;
  }
  let result: ReturnType<typeof parsePack>;
  try {
    result = parsePack(text, file);
  } catch (error) {
    writeLine(io.stdout, `${file}: ${messageOf(error)}`);
    return EXIT_INVALID;
  }
  if (result.ok) {
    writeLine(io.stdout, `${file}: ok, ${packSummary(result.pack)}`);
    return 0;
  }
  for (const problem of result.problems) writeLine(io.stdout, formatProblem(problem, file));
  const count = result.problems.length;
  writeLine(io.stderr, `${file}: ${count} problem${count === 1 ? '' : 's'}`);
  return EXIT_INVALID;
}

export const policyValidateCommand: Command = {
  path: ['policy', 'validate'],
  summary: 'check policy pack files and list every problem with its line and column',
  help: POLICY_VALIDATE_HELP,
  async run(args, io) {
    const parsed = parseFlags(args, {}, true);
    if (wantsHelp(parsed)) {
      writeLine(io.stdout, POLICY_VALIDATE_HELP);
      return 0;
    }
    if (parsed.positionals.length === 0) throw new UsageError('name at least one policy pack file (e.g. hourglass policy validate packs/twilio.yaml)');
    let status = 0;
    for (const file of parsed.positionals) status = Math.max(status, await validateFile(file, io));
    return status;
  },
};
