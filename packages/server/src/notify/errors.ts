/**
 * Errors of the notification modules, each a code plus a message that says what is wrong and how to fix it.
 */
export type NotifyErrorCode =
  | 'invalid_mail_config'
  | 'invalid_template_data'
  | 'unknown_event'
  | 'invalid_recipient'
  | 'send_failed'
  | 'invalid_webhook_input'
  | 'invalid_role'
  | 'inbound_listen_failed';

export class NotifyError extends Error {
  override readonly name = 'NotifyError';
  constructor(
    readonly code: NotifyErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The message of anything thrown, without a stack trace. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
