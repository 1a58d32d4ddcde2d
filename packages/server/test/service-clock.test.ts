import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from './support/app.js';

/** Wed 2 Dec 2026, 03:51:07.250 in Berlin: inside 360dialog standard's open hours (Mon–Fri 02:00–22:00). */
const INSIDE = Date.parse('2026-12-02T03:51:07.250+01:00');
const STANDARD = '/api/v1/policies/360dialog/calendars/360dialog-standard/open-periods';

describe("the service's clock as clients see it", () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService('pglite');
  });
  afterAll(async () => {
    await service?.close();
  });

  it('says whether a calendar is open now, on the service clock', async () => {
    service.clock.set(INSIDE);
    const open = await service.app.inject({ method: 'GET', url: `${STANDARD}?days=2` });
    expect(open.statusCode, open.body).toBe(200);
    const body = open.json();
    expect(body.open_at_from).toBe(true);
    expect(body.open[0]).toEqual({ start: '2026-12-02T03:51:07.250+01:00', end: '2026-12-02T22:00:00+01:00' });

    service.clock.set(Date.parse('2026-12-02T01:59:59.999+01:00'));
    const closed = (await service.app.inject({ method: 'GET', url: `${STANDARD}?days=2` })).json();
    expect(closed.open_at_from).toBe(false);
    expect(closed.open[0].start).toBe('2026-12-02T02:00:00+01:00');

    // Saturday: closed, whatever the hour.
    const weekend = (await service.app.inject({ method: 'GET', url: `${STANDARD}?from=2026-12-05T12:00:00%2B01:00&days=1` })).json();
    expect(weekend.open_at_from).toBe(false);
    expect(weekend.open).toEqual([]);
  });

  it('tells its current time to the millisecond, signed in or not, and follows the demo clock', async () => {
    service.clock.set(INSIDE);
    const first = await service.app.inject({ method: 'GET', url: '/api/v1/time' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ now: '2026-12-02T02:51:07.250Z', now_ms: INSIDE });
    expect(first.headers['cache-control']).toBe('no-store');
    service.clock.advance(5 * 86_400_000 + 1);
    expect((await service.app.inject({ method: 'GET', url: '/api/v1/time' })).json().now).toBe('2026-12-07T02:51:07.251Z');

    const spec = (await service.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    const operation = spec.paths['/api/v1/time'].get;
    expect(operation.responses['200'].content['application/json'].schema).toBeDefined();
    expect(JSON.stringify(spec)).toContain('exact to the millisecond');
  });
});
