/** Finds the command named by the first words of argv, runs it and turns failures into exit codes. */
import type { Command } from './command.js';
import { messageOf, UsageError } from './errors.js';
import { writeLine, type CliIo } from './io.js';

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

function wordsOf(argv: string[]): string[] {
  const words: string[] = [];
  for (const arg of argv) {
    if (arg.startsWith('-')) break;
    words.push(arg);
  }
  return words;
}

function matches(command: Command, words: string[]): boolean {
  return command.path.every((word, i) => words[i] === word);
}

/** The help text listing every command, or those under a group such as `sla`. */
export function listing(commands: readonly Command[], group: string[] = []): string {
  const shown = commands.filter((c) => group.every((word, i) => c.path[i] === word));
  const width = Math.max(...shown.map((c) => c.path.join(' ').length));
  const rows = shown.map((c) => `  hourglass ${c.path.join(' ').padEnd(width)}  ${c.summary}`);
  const title = group.length ? `hourglass ${group.join(' ')}: commands` : 'hourglass: the Hourglass support desk from the command line';
  return [title, '', 'Usage:', ...rows, '', 'Run `hourglass <command> --help` for the flags of a command.'].join('\n');
}

function isHelp(arg: string | undefined): boolean {
  return arg === '--help' || arg === '-h' || arg === 'help';
}

/** Runs the command that `argv` names and resolves to the process exit code. */
export async function dispatch(commands: readonly Command[], argv: string[], io: CliIo): Promise<number> {
  const words = wordsOf(argv);
  if (argv.length === 0 || (words.length === 0 && isHelp(argv[0])) || (words.length === 1 && isHelp(words[0]))) {
    writeLine(argv.length === 0 ? io.stderr : io.stdout, listing(commands));
    return argv.length === 0 ? EXIT_USAGE : EXIT_OK;
  }
  if (words[0] === 'help') return helpFor(commands, words.slice(1), io);
  const command = commands.find((c) => matches(c, words));
  if (!command) return unknownCommand(commands, words, argv, io);
  const args = argv.slice(command.path.length);
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      writeLine(io.stderr, `error: ${error.message}\nRun \`hourglass ${command.path.join(' ')} --help\` for the flags and examples.`);
      return EXIT_USAGE;
    }
    writeLine(io.stderr, `error: ${messageOf(error)}`);
    return EXIT_FAILURE;
  }
}

/** `hourglass help sla deadline`: the help of that command, or the listing of a group such as `sla`. */
function helpFor(commands: readonly Command[], words: string[], io: CliIo): number {
  const command = commands.find((c) => c.path.length === words.length && matches(c, words));
  if (command) {
    writeLine(io.stdout, command.help);
    return EXIT_OK;
  }
  if (words.length === 1 && commands.some((c) => c.path[0] === words[0])) {
    writeLine(io.stdout, listing(commands, words));
    return EXIT_OK;
  }
  writeLine(io.stderr, `error: unknown command "${words.join(' ')}"\n\n${listing(commands)}`);
  return EXIT_USAGE;
}

function unknownCommand(commands: readonly Command[], words: string[], argv: string[], io: CliIo): number {
  const group = commands.some((c) => c.path.length > 1 && c.path[0] === words[0]) ? [words[0]!] : [];
  const asked = group.length && words.length === 1 ? '' : words.join(' ');
  if (group.length && words.length === 1) {
    const wanted = isHelp(argv[1]);
    writeLine(wanted ? io.stdout : io.stderr, `${wanted ? '' : `error: "hourglass ${group[0]}" needs a command\n\n`}${listing(commands, group)}`);
    return wanted ? EXIT_OK : EXIT_USAGE;
  }
  const what = asked ? `unknown command "${asked}"` : `unknown flag ${argv[0]}`;
  writeLine(io.stderr, `error: ${what}\n\n${listing(commands, group)}`);
  return EXIT_USAGE;
}
