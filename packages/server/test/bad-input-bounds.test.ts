import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, AGENT, startTestService, type TestService } from './support/app.js';
import { DATABASE_KINDS } from './support/databases.js';

/** A 10-level "billion laughs" YAML file: 10^10 values once every alias is expanded. */
function aliasBomb(): string {
  const lines = ['id: bomb', `a0: &a0 [${Array(10).fill('lol').join(', ')}]`];
  for (let i = 1; i < 10; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\n`;
}

/** Runs `work` while a 5 ms interval ticks, and resolves with its result and the longest gap between ticks. */
async function withLoopWatch<T>(work: () => Promise<T>): Promise<{ result: T; longestGapMs: number }> {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 5);
  try {
    const result = await work();
    await new Promise((resolve) => setTimeout(resolve, 20));
    longest = Math.max(longest, performance.now() - last);
    return { result, longestGapMs: longest };
  } finally {
    clearInterval(timer);
  }
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

describe.each(DATABASE_KINDS)('bad input is a 400 with the field and the reason, on %s', (kind) => {
  let service: TestService;
  let admin: string;
  let agent: string;
  beforeAll(async () => {
    service = await startTestService(kind, { seedTickets: true });
    admin = await service.signIn(ADMIN);
    agent = await service.signIn(AGENT);
  });
  afterAll(async () => {
    await service?.close();
  });

  it('refuses a YAML alias bomb sent to the pack validator, saying where and why', async () => {
    const response = await service.request(admin, { method: 'POST', url: '/api/v1/policies/validate', payload: { file: 'bomb.yaml', text: aliasBomb() } });
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('validation_failed');
    expect(error.issues).toEqual([{ path: 'body.text', message: expect.stringMatching(/^a9\[9\]: Aliases here expand to too many values/) }]);
  });

  it('answers 500,000 "[" at once with a 400 naming the size limit, without blocking the event loop', async () => {
    const { result: response, longestGapMs } = await withLoopWatch(() =>
      service.request(admin, { method: 'POST', url: '/api/v1/policies/validate', payload: { file: 'deep.yaml', text: '['.repeat(500_000) } }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error.issues).toEqual([{ path: 'body.text', message: expect.stringContaining('at most 64 KiB') }]);
    // Parsing this text took seconds; refused by its size, the loop stays free (a generous bound for a busy machine).
    expect(longestGapMs).toBeLessThan(1000);
  });

  it('refuses nesting too deep for a pack, within the size limit, with its line', async () => {
    const response = await service.request(admin, { method: 'POST', url: '/api/v1/policies/validate', payload: { text: `id: x\nversions: ${'['.repeat(60_000)}` } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.issues).toEqual([{ path: 'body.text', message: expect.stringMatching(/^line 2: .*nested more than 32 levels/) }]);
  });

  it('refuses a ticket cursor whose sort key is not an instant, or whose id is not a UUID', async () => {
    const uuid = '00000000-0000-4000-8000-000000000000';
    const cursors = [
      base64url(['x', 'y']),
      base64url(['2026-03-02T17:00:00.000Z', 'y']),
      base64url(['+275760-09-13T00:00:00.000Z', uuid]),
      base64url(['2026-03-02', uuid]),
      base64url(['nul\u0000', uuid]),
      base64url([1, 2]),
      'not base64 json',
    ];
    for (const cursor of cursors) {
      for (const url of [`/api/v1/tickets?cursor=${encodeURIComponent(cursor)}`, `/api/v1/queue?cursor=${encodeURIComponent(cursor)}`]) {
        const response = await service.request(agent, { method: 'GET', url });
        expect(response.statusCode, `${url}: ${response.body}`).toBe(400);
        expect(response.json().error.issues).toEqual([{ path: 'querystring.cursor', message: expect.stringMatching(/^Not a cursor returned by this endpoint: /) }]);
      }
    }
    for (const url of ['/api/v1/users', '/api/v1/accounts', '/api/v1/teams']) {
      const response = await service.request(admin, { method: 'GET', url: `${url}?cursor=${base64url(['\u0000', uuid])}` });
      expect(response.statusCode, url).toBe(400);
      expect(response.json().error.issues).toEqual([{ path: 'querystring.cursor', message: expect.stringContaining('NUL or a lone surrogate') }]);
    }
    const raw = await service.request(agent, { method: 'GET', url: '/api/v1/tickets?cursor=WyJ4IiwieSJd' });
    expect(raw.statusCode).toBe(400);
    expect(raw.json().error.issues[0].message).toContain('sort key is not an instant');
  });

  it('still pages tickets and the queue with the cursors it hands out', async () => {
    for (const path of ['/api/v1/tickets', '/api/v1/queue']) {
      const first = (await service.request(agent, { method: 'GET', url: `${path}?limit=2` })).json();
      expect(first.next_cursor).toEqual(expect.any(String));
      const second = await service.request(agent, { method: 'GET', url: `${path}?limit=2&cursor=${first.next_cursor}` });
      expect(second.statusCode).toBe(200);
      const ids = first.items.map((t: { id: string }) => t.id);
      for (const item of second.json().items) expect(ids).not.toContain(item.id);
    }
  });

  it('refuses open periods outside the range the calendar engine computes, naming "from"', async () => {
    const url = (from: string, days = 14) => `/api/v1/policies/twilio/calendars/twilio-business-hours/open-periods?from=${encodeURIComponent(from)}&days=${days}`;
    for (const [from, days] of [['2499-12-12T00:00:00Z', 14], ['2499-12-31T23:00:00-05:00', 1], ['9999-01-01T00:00:00Z', 1], ['1800-01-01T00:00:00Z', 1], ['1799-12-31T00:00:00Z', 1]] as const) {
      const response = await service.app.inject({ method: 'GET', url: url(from, days) });
      expect(response.statusCode, `${from}: ${response.body}`).toBe(400);
      expect(response.json().error.issues).toEqual([{ path: 'querystring.from', message: expect.stringContaining('Calendars are listed from 1800-01-08 to 2499-12-25 (UTC)') }]);
    }
    for (const [from, days] of [['2499-06-01T00:00:00Z', 62], ['2499-12-11T00:00:00Z', 14], ['2020-01-01T00:00:00Z', 1]] as const) {
      const response = await service.app.inject({ method: 'GET', url: url(from, days) });
      expect(response.statusCode, `${from}: ${response.body}`).toBe(200);
    }
  });
});
