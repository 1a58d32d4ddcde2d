import { afterEach, describe, expect, it, vi } from 'vitest';
import { ActionKey, ApiError, isDefinitive, SIGNED_OUT_EVENT } from './client.js';
import { loadAll } from '../shared/paging.js';
import { http, idempotent, ok, uploadAttachment } from './http.js';

const json = (status: number, body: unknown) => () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const created = json(201, { id: 'c1' });
const refused = json(400, { error: { code: 'validation_failed', message: 'Fix the comment.', issues: [{ path: 'body.body', message: 'Must not be empty.' }] } });
const lost = () => Promise.reject(new TypeError('Failed to fetch'));

interface Sent {
  method: string;
  url: string;
  headers: Headers;
  body: string;
}

/** Answers the given outcomes in turn, recording each request as it was sent. */
function fakeFetch(outcomes: (() => Response | Promise<never>)[]): Sent[] {
  const sent: Sent[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (request: Request) => {
      sent.push({ method: request.method, url: request.url, headers: request.headers, body: await request.text() });
      const next = outcomes.shift();
      if (!next) throw new Error('no more answers');
      return next();
    }),
  );
  return sent;
}

const comment = (ticketId: string, key?: string) =>
  ok(http.POST('/api/v1/tickets/{id}/comments', { params: { path: { id: ticketId } }, body: { body: 'Hello', public: true }, ...(key !== undefined && { headers: idempotent(key) }) }));

describe('one Idempotency-Key per user action', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('resends the same key when the first attempt got no answer, so the server creates once', async () => {
    const sent = fakeFetch([lost, json(503, { error: { code: 'internal', message: 'Something broke.' } }), created]);
    const action = new ActionKey();
    const attempt = () => action.run((key) => comment('t1', key));
    await expect(attempt()).rejects.toMatchObject({ status: 0, code: 'network' });
    await expect(attempt()).rejects.toMatchObject({ status: 503 });
    await expect(attempt()).resolves.toEqual({ id: 'c1' });
    const keys = sent.map((s) => s.headers.get('idempotency-key'));
    expect(keys).toHaveLength(3);
    expect(keys[0]).toMatch(/^[\w-]{16,}$/);
    expect(new Set(keys).size).toBe(1);
  });

  it('starts a new action with a new key after a success or a refusal', async () => {
    const sent = fakeFetch([refused, created, created]);
    const action = new ActionKey();
    const attempt = () => action.run((key) => comment('t1', key));
    await expect(attempt()).rejects.toBeInstanceOf(ApiError);
    await attempt();
    await attempt();
    expect(new Set(sent.map((s) => s.headers.get('idempotency-key'))).size).toBe(3);
  });

  it('keeps actions apart, and sends no key where none is asked', async () => {
    const sent = fakeFetch([created, created, created]);
    const one = new ActionKey();
    const two = new ActionKey();
    await one.run((key) => comment('t1', key));
    await two.run((key) => comment('t2', key));
    await comment('t3');
    const keys = sent.map((s) => s.headers.get('idempotency-key'));
    expect(keys[0]).not.toBe(keys[1]);
    expect(keys[2]).toBeNull();
  });

  it('gives another subject of the same action (another file) a new key, and sends the file as the body', async () => {
    const sent = fakeFetch([lost, lost, json(201, { id: 'a1' })]);
    const action = new ActionKey();
    const file = (text: string, name: string) => new File([text], name, { type: 'text/plain' });
    await expect(action.run((key) => ok(uploadAttachment('t1', file('a', 'a.log'), key)), 'a.log|1')).rejects.toMatchObject({ code: 'network' });
    await expect(action.run((key) => ok(uploadAttachment('t1', file('a', 'a.log'), key)), 'a.log|1')).rejects.toMatchObject({ code: 'network' });
    await action.run((key) => ok(uploadAttachment('t1', file('bb', 'b.log'), key)), 'b.log|2');
    const keys = sent.map((s) => s.headers.get('idempotency-key'));
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
    expect(sent[2]).toMatchObject({ method: 'POST', body: 'bb' });
    expect(new URL(sent[2]!.url).pathname + new URL(sent[2]!.url).search).toBe('/api/v1/tickets/t1/attachments?filename=b.log');
    expect(sent[2]!.headers.get('content-type')).toBe('text/plain');
  });

  it('counts only refusals as definitive', () => {
    expect(isDefinitive(new ApiError(422, 'intake_invalid', 'x'))).toBe(true);
    expect(isDefinitive(new ApiError(409, 'conflict', 'x'))).toBe(true);
    expect(isDefinitive(new ApiError(0, 'network', 'x'))).toBe(false);
    expect(isDefinitive(new ApiError(502, 'server', 'x'))).toBe(false);
    expect(isDefinitive(new ApiError(429, 'rate_limited', 'x'))).toBe(false);
    expect(isDefinitive(new Error('boom'))).toBe(false);
  });
});

describe('the typed client', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends JSON with the path parameters and query filled in, and asks for JSON', async () => {
    const sent = fakeFetch([json(200, { items: [], next_cursor: null }), created]);
    await expect(ok(http.GET('/api/v1/suspended-mail', { params: { query: { status: 'pending', limit: 50 } } }))).resolves.toEqual({ items: [], next_cursor: null });
    await comment('t 1');
    expect(new URL(sent[0]!.url).search).toBe('?status=pending&limit=50');
    expect(sent[0]!.headers.get('accept')).toBe('application/json');
    expect(new URL(sent[1]!.url).pathname).toBe('/api/v1/tickets/t%201/comments');
    expect(JSON.parse(sent[1]!.body)).toEqual({ body: 'Hello', public: true });
    expect(sent[1]!.headers.get('content-type')).toBe('application/json');
  });

  it("turns a refusal into an ApiError with the service's message and the fields it names", async () => {
    fakeFetch([refused]);
    const error = await comment('t1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'validation_failed', message: 'Fix the comment.' });
    expect((error as ApiError).issuesAt('body')).toEqual([{ path: 'body.body', message: 'Must not be empty.' }]);
  });

  it('words a reused Idempotency-Key, a server failure and an unreadable answer plainly', async () => {
    fakeFetch([
      json(422, { error: { code: 'idempotency_key_reused', message: 'Idempotency-Key reused.' } }),
      () => new Response('<html>Bad gateway</html>', { status: 502 }),
      () => new Response('not json', { status: 200, headers: { 'content-type': 'application/json' } }),
    ]);
    await expect(comment('t1', 'k')).rejects.toMatchObject({ code: 'idempotency_key_reused', message: expect.stringContaining('may already be done') });
    await expect(comment('t1')).rejects.toMatchObject({ status: 502, code: 'server', message: 'Something went wrong on the server. Try again in a moment.' });
    await expect(comment('t1')).rejects.toMatchObject({ code: 'bad_response' });
  });

  it('lets an aborted load stay an abort, not a network failure', async () => {
    fakeFetch([() => Promise.reject(new DOMException('The operation was aborted.', 'AbortError'))]);
    await expect(ok(http.GET('/api/v1/tickets/{id}', { params: { path: { id: 't1' } } }))).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('announces a lost session on a 401, but not from the session endpoints themselves', async () => {
    const events: string[] = [];
    const target = new EventTarget();
    target.addEventListener(SIGNED_OUT_EVENT, (e) => events.push(e.type));
    vi.stubGlobal('window', target);
    const signedOut = json(401, { error: { code: 'unauthenticated', message: 'Sign in.' } });
    fakeFetch([signedOut, signedOut, signedOut]);
    await expect(ok(http.GET('/api/v1/me'))).rejects.toMatchObject({ status: 401 });
    await expect(ok(http.POST('/api/v1/session', { body: { email: 'a@b.example', password: 'x' } }))).rejects.toMatchObject({ status: 401 });
    expect(events).toEqual([]);
    await expect(ok(http.GET('/api/v1/tickets/{id}', { params: { path: { id: 't1' } } }))).rejects.toMatchObject({ status: 401 });
    expect(events).toEqual([SIGNED_OUT_EVENT]);
  });
});

describe('the contract, at compile time', () => {
  it('refuses paths, parameters and bodies the server does not declare (checked by tsc, never run)', () => {
    const unchecked = () => {
      // @ts-expect-error: no such path
      void http.GET('/api/v1/ticket/{id}', { params: { path: { id: 't1' } } });
      // @ts-expect-error: the path parameter is missing
      void http.GET('/api/v1/tickets/{id}', { params: { path: {} } });
      // @ts-expect-error: a comment's body is a string
      void http.POST('/api/v1/tickets/{id}/comments', { params: { path: { id: 't1' } }, body: { body: 1, public: true } });
      // @ts-expect-error: not an event the contract knows
      void http.POST('/api/v1/webhooks', { body: { url: 'https://example.com/hook', events: ['ticket_opened'] } });
      // @ts-expect-error: not a paged listing
      void loadAll('/api/v1/me', {}, new AbortController().signal);
      // @ts-expect-error: not a filter of the accounts listing
      void loadAll('/api/v1/accounts', { colour: 'red' }, new AbortController().signal);
    };
    expect(typeof unchecked).toBe('function');
  });
});
