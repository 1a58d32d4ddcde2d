/**
 * The status page's stampede path (status-page/fast-path.ts) answers plain GETs of the Statuspage
 * documents and the feeds before the app's routing: over real HTTP its answers must be the app's
 * answers to the letter (body, status, headers), 304 and gzip included, and anything else must reach
 * the app as before.
 */
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATUSPAGE_DOCUMENTS } from '../src/status-page/statuspage-json.js';
import { START, startTestService, type TestService } from './support/app.js';
import { insertStatusFixtures } from './status-page-fixtures.js';

/** Headers that belong to the connection or the moment, not to the answer. */
const TRANSPORT = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);

function answerHeaders(headers: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !TRANSPORT.has(name)).map(([name, value]) => [name, String(value)] as const).sort(([a], [b]) => a.localeCompare(b)));
}

describe('the status page over HTTP, answered before the routing', () => {
  let service: TestService;
  let base: string;

  beforeAll(async () => {
    service = await startTestService('pglite');
    await insertStatusFixtures(service.db, START);
    await service.app.statusPage.refresh();
    await service.app.listen({ port: 0, host: '127.0.0.1' });
    const address = service.app.server.address();
    if (address === null || typeof address !== 'object') throw new Error('not listening');
    base = `http://127.0.0.1:${address.port}`;
  });
  afterAll(async () => {
    await service?.close();
  });

  const paths = [...STATUSPAGE_DOCUMENTS.map((name) => `/api/v2/${name}`), '/history.atom', '/history.rss'];

  it.each(paths)('answers %s as the app does: same status, body and headers, plain and gzipped', async (path) => {
    for (const headers of [{}, { 'accept-encoding': 'gzip' }] as Record<string, string>[]) {
      const direct = await fetch(`${base}${path}`, { headers: { ...headers, 'accept-encoding': headers['accept-encoding'] ?? 'identity' } });
      const routed = await service.app.inject({ method: 'GET', url: path, headers });
      expect(direct.status).toBe(routed.statusCode);
      const raw = Buffer.from(await direct.arrayBuffer());
      const directHeaders = answerHeaders(Object.fromEntries(direct.headers));
      const routedHeaders = answerHeaders(routed.headers);
      // fetch undoes gzip itself and keeps the header: compare the decoded bodies and the headers as sent.
      expect(directHeaders).toEqual(routedHeaders);
      const routedBody = routed.headers['content-encoding'] === 'gzip' ? gunzipSync(routed.rawPayload) : routed.rawPayload;
      expect(raw.equals(routedBody)).toBe(true);
    }
  });

  it('answers 304 to a matching ETag, with the same validators', async () => {
    const first = await fetch(`${base}/api/v2/summary.json`);
    const etag = first.headers.get('etag')!;
    const again = await fetch(`${base}/api/v2/summary.json`, { headers: { 'if-none-match': `W/${etag}` } });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(await again.text()).toBe('');
  });

  it('sends HSTS when a proxy says the request came over TLS, as the app does', async () => {
    const direct = await fetch(`${base}/api/v2/status.json`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(direct.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    const plain = await fetch(`${base}/api/v2/status.json`);
    expect(plain.headers.get('strict-transport-security')).toBeNull();
  });

  it('leaves other requests to the app: a query string, HEAD, another method, another path', async () => {
    const withQuery = await fetch(`${base}/api/v2/summary.json?callback=x`);
    expect(withQuery.status).toBe(200);
    expect(((await withQuery.json()) as { page?: unknown }).page).toBeDefined();
    const head = await fetch(`${base}/api/v2/summary.json`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    const post = await fetch(`${base}/api/v2/summary.json`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(post.status).toBe(404);
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
  });

  it("answers before the routing (counted apart) and counts its answers in the app's request metrics", async () => {
    const fastAnswers = async () => Number(/^hourglass_status_fast_answers_total (\d+)$/m.exec(await (await fetch(`${base}/metrics`)).text())?.[1]);
    const before = await fastAnswers();
    await fetch(`${base}/api/v2/components.json`);
    await fetch(`${base}/history.rss`);
    expect(await fastAnswers()).toBe(before + 2);
    await fetch(`${base}/api/v2/components.json?x=1`);
    await service.app.inject({ method: 'GET', url: '/api/v2/components.json' });
    expect(await fastAnswers()).toBe(before + 2);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/hourglass_http_request_duration_seconds_count\{method="GET",route="\/api\/v2\/components\.json",status_code="200"\} [1-9]/);
  });
});
