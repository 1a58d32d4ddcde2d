/**
 * The rules of talking to the API, whatever the call: refusals and failures as an {@link ApiError} in
 * plain words (the server's, in the language asked for with Accept-Language; the app's own from the
 * `api.errors.*` messages), the signed-out event, and one Idempotency-Key per user action. The calls
 * themselves go through the typed client in `http.ts`.
 */
import { activeIntl } from '../i18n/active.js';

export interface FieldIssue {
  path: string;
  message: string;
}

/** A refused or failed request, with the service's message and the fields it names. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
  }

  /** The issues about one request field (`priority`, `intake.call_sids`), without the `body.` prefix. */
  issuesAt(field: string): FieldIssue[] {
    return this.issues.filter((issue) => fieldOf(issue.path) === field);
  }
}

/** `body.intake.call_sids` → `intake.call_sids`; `querystring.q` → `q`. */
export function fieldOf(path: string): string {
  return path.replace(/^(body|querystring|params)\./, '');
}

/** Announced when the service no longer knows the session (it expired or was revoked): the app asks to sign in again. */
export const SIGNED_OUT_EVENT = 'hourglass:signed-out';
export function signalSignedOut(): void {
  const target = (globalThis as { window?: { dispatchEvent(event: Event): boolean } }).window;
  target?.dispatchEvent(new Event(SIGNED_OUT_EVENT));
}

/** One of the app's own error messages, in the language shown. */
function say(id: string, values?: Record<string, string | number>): string {
  return activeIntl().formatMessage({ id }, values);
}

export function networkMessage(): string {
  return say('api.errors.network');
}

export function errorFrom(status: number, data: unknown): ApiError {
  const error = (data as { error?: { code?: unknown; message?: unknown; issues?: unknown } } | undefined)?.error;
  if (error && typeof error.message === 'string') {
    const issues = Array.isArray(error.issues)
      ? error.issues.filter((i): i is FieldIssue => typeof i?.path === 'string' && typeof i?.message === 'string')
      : [];
    const code = typeof error.code === 'string' ? error.code : 'error';
    if (code === 'idempotency_key_reused') return new ApiError(status, code, say('api.errors.reused'), issues);
    return new ApiError(status, code, error.message, issues);
  }
  if (status >= 500) return new ApiError(status, 'server', say('api.errors.server'));
  return new ApiError(status, 'error', say('api.errors.refused', { status }));
}

/**
 * One Idempotency-Key per user action (a form submission, an upload), kept across its attempts
 * until the server answers definitively: a retry after a network error or a 5xx resends the same
 * key, so the server does at most once what the user asked once. A success or a refusal (4xx:
 * nothing was done) ends the action; the next submission is a new action with a new key.
 */
export class ActionKey {
  private key: string | null = null;
  private subject: string | undefined;

  /**
   * The key of the action in progress, made on its first attempt. `subject` names what the action
   * acts on (a file): another subject is another action, with a new key.
   */
  current(subject?: string): string {
    if (subject !== this.subject) {
      this.key = null;
      this.subject = subject;
    }
    this.key ??= newKey();
    return this.key;
  }

  /** Records how an attempt ended: the key is dropped once the answer is definitive. */
  settle(error?: unknown): void {
    if (error === undefined || isDefinitive(error)) this.key = null;
  }

  /** Runs one attempt of the action with its key, settling the key by the outcome. */
  async run<T>(attempt: (key: string) => Promise<T>, subject?: string): Promise<T> {
    try {
      const result = await attempt(this.current(subject));
      this.settle();
      return result;
    } catch (error) {
      this.settle(error);
      throw error;
    }
  }
}

/** Whether a failed request's outcome is known: the server refused it (4xx other than timeouts and rate limits). */
export function isDefinitive(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  return error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429;
}

export function newKey(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (c?.randomUUID) {
    try {
      return c.randomUUID();
    } catch {
      // not a secure context: fall back below
    }
  }
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}

/** A message for any thrown value, never a stack trace. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return say('api.errors.unexpected');
}

/** Builds `path?a=1&b=2`, leaving out empty values. */
export function withQuery(path: string, query: Record<string, string | number | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text === '' ? path : `${path}?${text}`;
}
