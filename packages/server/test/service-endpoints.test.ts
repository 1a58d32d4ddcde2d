import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { START, startTestService, type TestService } from './support/app.js';
import { DATABASE_KINDS } from './support/databases.js';

describe.each(DATABASE_KINDS)('service endpoints on %s', (kind) => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService(kind);
  });
  afterAll(async () => {
    await service?.close();
  });

  it('answers /healthz with the injected clock', async () => {
    const response = await service.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: 'ok', time: new Date(START).toISOString() });
  });

  it('serves OpenAPI 3.1 with the ticket routes, browsable docs and Prometheus metrics', async () => {
    const doc = (await service.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/tickets', '/api/v1/queue', '/api/v1/tickets/{id}/targets/{metric}/explain', '/api/v1/intake-forms']));
    const docs = await service.app.inject({ method: 'GET', url: '/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toContain('text/html');
    await service.app.inject({ method: 'GET', url: '/healthz' });
    const metrics = await service.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.statusCode).toBe(200);
    expect(metrics.body).toContain('hourglass_http_request_duration_seconds_bucket');
  });

  it('does not mount the benchmark endpoint unless asked', async () => {
    const response = await service.app.inject({ method: 'POST', url: '/bench/bare', payload: {} });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('route_not_found');
  });
});
