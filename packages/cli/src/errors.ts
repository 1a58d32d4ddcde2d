/** How the command line reports failure: wrong usage (exit 2) or a task that could not be done (exit 1). */

/** The command line was used wrongly: unknown command, unknown flag, missing or malformed value. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The command understood its arguments but could not do what was asked. */
export class CommandError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CommandError';
  }
}

/** The plain-words message of anything thrown, never a stack trace. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  return String(error);
}
