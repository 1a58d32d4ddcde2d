/**
 * The typed client of the Hourglass API: openapi-fetch over the generated contract (schema.gen.ts),
 * so every path, parameter and body is checked against the server's schemas at compile time. The
 * middleware keeps the app's rules for every call: JSON answers, a lost session announced, network
 * failures and refusals turned into an {@link ApiError} with plain words; {@link ok} returns the data.
 */
import createClient, { type Middleware } from 'openapi-fetch';
import { activeBaseLocale, activeIntl } from '../i18n/active.js';
import { ApiError, errorFrom, networkMessage, signalSignedOut } from './client.js';
import type { paths } from './schema.gen.js';

/** The session's own endpoints answer 401 as part of signing in; that is no lost session. */
const SESSION_PATHS = new Set(['/api/v1/session', '/api/v1/me']);

const rules: Middleware = {
  onRequest({ request }) {
    request.headers.set('accept', 'application/json');
    // The server answers (error messages, explanations, holiday names) in the language shown.
    request.headers.set('accept-language', activeBaseLocale());
    return request;
  },
  onError({ error }) {
    // An aborted load is no failure: it goes on as it is.
    if ((error as { name?: string }).name === 'AbortError') return undefined;
    return new ApiError(0, 'network', networkMessage());
  },
  onResponse({ response, schemaPath }) {
    if (response.status === 401 && !SESSION_PATHS.has(schemaPath)) signalSignedOut();
    return undefined;
  },
};

/** The client; call it as `ok(http.GET('/api/v1/tickets/{id}', { params: { path: { id } } }))`. */
export const http = createClient<paths>({
  // The page's own origin (a Request needs an absolute URL); outside a browser, as in unit tests, a stand-in.
  baseUrl: (globalThis as { location?: { origin: string } }).location?.origin ?? 'http://localhost',
  credentials: 'same-origin',
  // Looked up on every call, not captured once: tests stand in for `fetch`.
  fetch: (request) => globalThis.fetch(request),
});
http.use(rules);

interface Outcome<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The data of a call that succeeded; any other outcome is thrown as an {@link ApiError}. */
export async function ok<T>(call: Promise<Outcome<T>>): Promise<T> {
  let outcome: Outcome<T>;
  try {
    outcome = await call;
  } catch (error) {
    // openapi-fetch could not read a successful answer as JSON.
    if (error instanceof SyntaxError) throw badResponse(200);
    throw error;
  }
  const { data, error, response } = outcome;
  if (!response.ok) throw errorFrom(response.status, error);
  if (data === undefined && response.status !== 204) throw badResponse(response.status);
  return data as T;
}

function badResponse(status: number): ApiError {
  return new ApiError(status, 'bad_response', activeIntl().formatMessage({ id: 'api.errors.badResponse' }));
}

/** The headers of one attempt of a user's action (see `ActionKey`): the same key on every attempt. */
export function idempotent(key: string): { 'idempotency-key': string } {
  return { 'idempotency-key': key };
}

/**
 * Attaches a file to a ticket: the file itself is the request body (its own content type, the name
 * in the query), with the Idempotency-Key of the upload. The contract declares no JSON body here.
 */
export function uploadAttachment(ticketId: string, file: Blob & { name?: string }, key: string) {
  return http.POST('/api/v1/tickets/{id}/attachments', {
    params: { path: { id: ticketId }, query: { filename: file.name ?? 'file' } },
    body: file as never,
    bodySerializer: (body: unknown) => body,
    headers: { ...idempotent(key), 'content-type': file.type || 'application/octet-stream' },
  });
}
