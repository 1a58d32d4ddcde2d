export type TimerErrorCode = 'invalid_timer' | 'invalid_worker' | 'unknown_kind';

/** Bad input to the timer functions: `message` says what is wrong and how to fix it. */
export class TimerError extends Error {
  constructor(
    readonly code: TimerErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'TimerError';
  }
}

/** A one-line, bounded description of whatever a handler threw, for `last_error`. */
export function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : typeof error === 'string' ? error : safeJson(error);
  return text.length > 2000 ? `${text.slice(0, 1997)}...` : text;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
