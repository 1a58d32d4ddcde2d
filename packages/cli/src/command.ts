/** What every command looks like to the dispatcher. */
import type { CliIo } from './io.js';

export interface Command {
  /** The words that name the command, e.g. `['sla', 'deadline']`. */
  readonly path: readonly string[];
  /** One line for the list of commands. */
  readonly summary: string;
  /** The full help text shown by `--help` and after a usage error. */
  readonly help: string;
  /** Runs with the arguments after the command words; resolves to the exit code. */
  run(args: string[], io: CliIo): Promise<number>;
}
