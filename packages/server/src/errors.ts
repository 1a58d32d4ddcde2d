import { DEFAULT_LOCALE, type Locale, type MessageId, type MessageValues, translator } from './i18n/index.js';

/**
 * Every error the service reports, as a code with its HTTP status and a default plain-words message.
 * Feature code throws `AppError(code, message?)`; the HTTP layer turns it into `{ error: { code, message, issues? } }`.
 */
export type ErrorCode =
  | 'validation_failed'
  | 'malformed_json'
  | 'body_too_large'
  | 'unsupported_media_type'
  | 'unauthenticated'
  | 'invalid_credentials'
  | 'forbidden'
  | 'not_found'
  | 'route_not_found'
  | 'conflict'
  | 'email_taken'
  | 'idempotency_key_reused'
  | 'invalid_idempotency_key'
  | 'unknown_pack'
  | 'unknown_plan'
  | 'unknown_status'
  | 'same_status'
  | 'ticket_closed'
  | 'illegal_transition'
  | 'actor_not_allowed'
  | 'unknown_priority'
  | 'priority_restricted'
  | 'reclassify_not_allowed'
  | 'reclassify_reason_required'
  | 'same_priority'
  | 'intake_invalid'
  | 'unknown_intake_form'
  | 'credit_not_claimable'
  | 'attachment_too_large'
  | 'too_many_attempts'
  | 'cross_site_request'
  | 'database_unavailable'
  | 'internal';

export interface ErrorIssue {
  path: string;
  message: string;
  /** The message as a catalog entry, when it is one: shown in the reader's language (never sent as such). */
  text?: LocalizedText;
}

/** A message of the catalogs with its arguments: how an error is shown in each reader's language. */
export interface LocalizedText {
  id: MessageId;
  values?: MessageValues;
  /** Arguments that are lists, joined as the reader's language joins them ("A, B or C", "A, B oder C"). */
  lists?: Readonly<Record<string, TextList>>;
}

/** A list argument of a message: its items and how they join (`disjunction`: one of them; `unit`: a plain enumeration). */
export interface TextList {
  items: readonly string[];
  type: 'conjunction' | 'disjunction' | 'unit';
}

const listFormats = new Map<string, Intl.ListFormat>();

/** A catalog message in `locale`, its list arguments joined in that language. */
export function textIn(text: LocalizedText, locale: Locale): string {
  const values: MessageValues = { ...text.values };
  for (const [name, list] of Object.entries(text.lists ?? {})) {
    const key = `${locale} ${list.type}`;
    let format = listFormats.get(key);
    if (!format) {
      format = new Intl.ListFormat(locale, { type: list.type, style: 'long' });
      listFormats.set(key, format);
    }
    values[name] = format.format(list.items);
  }
  return translator(locale).t(text.id, values);
}

export class AppError extends Error {
  override readonly name = 'AppError';
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string = defaultMessage(code),
    readonly issues?: ErrorIssue[],
    /** The message as a catalog entry, when it is one: shown in the reader's language. */
    readonly text?: LocalizedText,
  ) {
    super(message);
    this.status = statusOf(code);
  }

  /** An error whose message is a catalog entry; its `message` is the English text. */
  static translated(code: ErrorCode, text: LocalizedText, issues?: ErrorIssue[]): AppError {
    return new AppError(code, textIn(text, DEFAULT_LOCALE), issues, text);
  }
}

export function statusOf(code: ErrorCode): number {
  switch (code) {
    case 'validation_failed':
    case 'malformed_json':
    case 'invalid_idempotency_key':
    case 'unknown_pack':
    case 'unknown_plan':
    case 'unknown_status':
      return 400;
    case 'unauthenticated':
    case 'invalid_credentials':
      return 401;
    case 'forbidden':
    case 'actor_not_allowed':
    case 'reclassify_not_allowed':
      return 403;
    case 'not_found':
    case 'route_not_found':
      return 404;
    case 'conflict':
    case 'email_taken':
    case 'same_status':
    case 'ticket_closed':
    case 'illegal_transition':
    case 'same_priority':
      return 409;
    case 'body_too_large':
    case 'attachment_too_large':
      return 413;
    case 'unsupported_media_type':
      return 415;
    case 'idempotency_key_reused':
    case 'unknown_priority':
    case 'priority_restricted':
    case 'reclassify_reason_required':
    case 'intake_invalid':
    case 'unknown_intake_form':
    case 'credit_not_claimable':
      return 422;
    case 'too_many_attempts':
      return 429;
    case 'cross_site_request':
      return 403;
    case 'database_unavailable':
      return 503;
    case 'internal':
      return 500;
  }
}

/** The plain-words English message of a code (the `error.<code>` entry of the catalogs). */
export function defaultMessage(code: ErrorCode): string {
  return translator(DEFAULT_LOCALE).t(`error.${code}`);
}

/** The things `notFound` names, each with its message in the catalogs. */
const NOT_FOUND = {
  account: 'error.notFound.account',
  'active API token of yours': 'error.notFound.apiToken',
  attachment: 'error.notFound.attachment',
  'out-of-office range': 'error.notFound.outOfOfficeRange',
  'suspended mail': 'error.notFound.suspendedMail',
  team: 'error.notFound.team',
  ticket: 'error.notFound.ticket',
  user: 'error.notFound.user',
  webhook: 'error.notFound.webhook',
} as const satisfies Record<string, MessageId>;

/** A thing that `notFound` can name: one with a message of its own in the catalogs. */
export type NotFoundThing = keyof typeof NOT_FOUND;

export const notFound = (what: NotFoundThing): AppError => AppError.translated('not_found', { id: NOT_FOUND[what] });
export const forbidden = (message?: string): AppError => new AppError('forbidden', message);
