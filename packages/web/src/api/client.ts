/** The one way the web app talks to the API: JSON in and out, errors turned into plain words. */

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

const NETWORK_MESSAGE = 'The server cannot be reached. Check your connection and try again.';

export interface RequestOptions {
  body?: unknown;
  /** Sent as it is (a file), with its own content type, instead of a JSON body. */
  raw?: Blob;
  /** Sends an Idempotency-Key so that a retried create does not create twice. */
  idempotent?: boolean;
  signal?: AbortSignal;
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.raw !== undefined) headers['content-type'] = options.raw.type || 'application/octet-stream';
  else if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.idempotent) headers['idempotency-key'] = newKey();
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(options.raw !== undefined ? { body: options.raw } : options.body !== undefined && { body: JSON.stringify(options.body) }),
      ...(options.signal && { signal: options.signal }),
    });
  } catch (error) {
    if ((error as { name?: string }).name === 'AbortError') throw error;
    throw new ApiError(0, 'network', NETWORK_MESSAGE);
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const data = parseJson(text);
  if (response.ok) {
    if (data === undefined) throw new ApiError(response.status, 'bad_response', 'The server sent an answer the app cannot read. Reload the page and try again.');
    return data as T;
  }
  throw errorFrom(response.status, data);
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function errorFrom(status: number, data: unknown): ApiError {
  const error = (data as { error?: { code?: unknown; message?: unknown; issues?: unknown } } | undefined)?.error;
  if (error && typeof error.message === 'string') {
    const issues = Array.isArray(error.issues)
      ? error.issues.filter((i): i is FieldIssue => typeof i?.path === 'string' && typeof i?.message === 'string')
      : [];
    return new ApiError(status, typeof error.code === 'string' ? error.code : 'error', error.message, issues);
  }
  if (status >= 500) return new ApiError(status, 'server', 'Something went wrong on the server. Try again in a moment.');
  return new ApiError(status, 'error', `The request was refused (HTTP ${status}).`);
}

function newKey(): string {
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

export const api = {
  get: <T>(path: string, signal?: AbortSignal) => request<T>('GET', path, signal ? { signal } : {}),
  post: <T>(path: string, body?: unknown, idempotent = false) => request<T>('POST', path, { body: body ?? {}, idempotent }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
  /** POSTs a file as the raw request body, once (with an Idempotency-Key). */
  upload: <T>(path: string, file: Blob) => request<T>('POST', path, { raw: file, idempotent: true }),
};

/** A message for any thrown value, never a stack trace. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Something went wrong in the app. Reload the page and try again.';
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
