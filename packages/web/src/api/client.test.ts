import { afterEach, describe, expect, it, vi } from 'vitest';
import { ActionKey, api, ApiError, isDefinitive } from './client.js';

const created = () => new Response(JSON.stringify({ id: 't1' }), { status: 201, headers: { 'content-type': 'application/json' } });
const refused = () => new Response(JSON.stringify({ error: { code: 'validation_failed', message: 'Fix the subject.', issues: [{ path: 'body.subject', message: 'Must not be empty.' }] } }), { status: 400 });

/** Answers the given outcomes in turn, recording each request's Idempotency-Key. */
function fakeFetch(outcomes: (() => Response | Promise<never>)[]) {
  const keys: (string | null)[] = [];
  const fetch = vi.fn(async (_url: string, init: RequestInit) => {
    keys.push(new Headers(init.headers).get('idempotency-key'));
    const next = outcomes.shift();
    if (!next) throw new Error('no more answers');
    return next();
  });
  vi.stubGlobal('fetch', fetch);
  return keys;
}

const lost = () => Promise.reject(new TypeError('Failed to fetch'));

describe("one Idempotency-Key per user action", () => {
  afterEach(() => vi.unstubAllGlobals());

  it('resends the same key when the first attempt got no answer, so the server creates once', async () => {
    const keys = fakeFetch([lost, () => new Response('{"error":{"code":"internal","message":"Something broke."}}', { status: 503 }), created]);
    const action = new ActionKey();
    const attempt = () => action.run((key) => api.post('/api/v1/tickets', { subject: 's' }, key));
    await expect(attempt()).rejects.toMatchObject({ status: 0, code: 'network' });
    await expect(attempt()).rejects.toMatchObject({ status: 503 });
    await expect(attempt()).resolves.toEqual({ id: 't1' });
    expect(keys).toHaveLength(3);
    expect(keys[0]).toMatch(/^[\w-]{16,}$/);
    expect(new Set(keys).size).toBe(1);
  });

  it('starts a new action with a new key after a success or a refusal', async () => {
    const keys = fakeFetch([refused, created, created]);
    const action = new ActionKey();
    const attempt = () => action.run((key) => api.post('/api/v1/tickets', {}, key));
    await expect(attempt()).rejects.toBeInstanceOf(ApiError);
    await attempt();
    await attempt();
    expect(new Set(keys).size).toBe(3);
  });

  it('keeps actions apart, and sends no key where none is asked', async () => {
    const keys = fakeFetch([created, created, created]);
    const one = new ActionKey();
    const two = new ActionKey();
    await one.run((key) => api.post('/a', {}, key));
    await two.run((key) => api.post('/b', {}, key));
    await api.post('/c', {});
    expect(keys[0]).not.toBe(keys[1]);
    expect(keys[2]).toBeNull();
  });

  it('gives another subject of the same action (another file) a new key', async () => {
    const keys = fakeFetch([lost, lost, created]);
    const action = new ActionKey();
    await expect(action.run((key) => api.upload('/files', new Blob(['a']), key), 'a.log|1')).rejects.toMatchObject({ code: 'network' });
    await expect(action.run((key) => api.upload('/files', new Blob(['a']), key), 'a.log|1')).rejects.toMatchObject({ code: 'network' });
    await action.run((key) => api.upload('/files', new Blob(['bb']), key), 'b.log|2');
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
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
