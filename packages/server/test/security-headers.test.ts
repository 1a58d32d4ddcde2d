import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../src/config.js';
import { CUSTOMER_A, startTestService, type TestService } from './support/app.js';
import { DEMO_PASSWORDS } from '../src/seed/demo-data.js';
import { startServer } from '../src/app/serve.js';
import { createTestDatabase } from './support/databases.js';

const METRICS_TOKEN = 'metrics-token-0123456789abcdef';

describe('security headers, a TLS proxy in front, and who may read /metrics', () => {
  const services: TestService[] = [];
  let plain: TestService;
  let behindProxy: TestService;
  let withToken: TestService;
  beforeAll(async () => {
    plain = await startTestService('pglite');
    behindProxy = await startTestService('pglite', { security: { trustProxy: ['127.0.0.1'] } });
    withToken = await startTestService('pglite', { security: { metricsToken: METRICS_TOKEN } });
    services.push(plain, behindProxy, withToken);
  });
  afterAll(async () => {
    for (const service of services) await service.close();
  });

  const signIn = (service: TestService, headers: Record<string, string> = {}) =>
    service.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: CUSTOMER_A, password: DEMO_PASSWORDS.customer }, headers });

  it('sends a strict CSP, framing protection, nosniff and a referrer policy on the web app, the API and errors', async () => {
    for (const url of ['/', '/portal/tickets', '/api/v1/me', '/healthz', '/api/v1/nowhere']) {
      const response = await plain.app.inject({ method: 'GET', url });
      const csp = String(response.headers['content-security-policy']);
      expect(csp, url).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('same-origin');
      expect(response.headers['strict-transport-security'], 'no HSTS over plain HTTP').toBeUndefined();
    }
  });

  it('gives the API docs their own policy (Swagger UI sets inline styles), still without inline script', async () => {
    const docs = await plain.app.inject({ method: 'GET', url: '/docs/' });
    expect(docs.statusCode).toBe(200);
    const csp = String(docs.headers['content-security-policy']);
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(docs.body).not.toMatch(/<script>(?!\s*<\/script>)|<script(?![^>]*\bsrc=)[^>]*>\s*\S/);
  });

  it('marks the session cookie Secure and sends HSTS behind a trusted TLS proxy', async () => {
    const response = await signIn(behindProxy, { 'x-forwarded-proto': 'https', 'x-forwarded-for': '198.51.100.4' });
    expect(response.statusCode, response.body).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'hourglass_session');
    expect(cookie?.secure).toBe(true);
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(response.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    // A cookie write from the https page behind the proxy is the desk's own origin.
    const secret = `hourglass_session=${cookie!.value}`;
    const out = await behindProxy.app.inject({ method: 'DELETE', url: '/api/v1/session', headers: { cookie: secret, origin: 'https://desk.example.test', host: 'desk.example.test', 'x-forwarded-proto': 'https' } });
    expect(out.statusCode, out.body).toBe(204);
  });

  it('trusts a number of proxy hops (HOURGLASS_TRUST_PROXY=1) the same way', async () => {
    const oneHop = await startTestService('pglite', { security: { trustProxy: 1 } });
    services.push(oneHop);
    const response = await signIn(oneHop, { 'x-forwarded-proto': 'https', 'x-forwarded-for': '198.51.100.4' });
    expect(response.cookies.find((c) => c.name === 'hourglass_session')?.secure).toBe(true);
  });

  it('ignores X-Forwarded-Proto from a proxy it does not trust: no Secure cookie, no HSTS', async () => {
    for (const service of [plain, behindProxy]) {
      const remoteAddress = service === plain ? '127.0.0.1' : '203.0.113.50'; // the second is not the trusted proxy
      const response = await service.app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { email: CUSTOMER_A, password: DEMO_PASSWORDS.customer },
        headers: { 'x-forwarded-proto': 'https' },
        remoteAddress,
      });
      expect(response.statusCode).toBe(200);
      expect(response.cookies.find((c) => c.name === 'hourglass_session')?.secure).toBeFalsy();
      expect(response.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('serves /metrics only with the metrics token when one is set', async () => {
    const without = await withToken.app.inject({ method: 'GET', url: '/metrics' });
    expect(without.statusCode).toBe(401);
    expect(without.json().error.message).toContain('HOURGLASS_METRICS_TOKEN');
    const wrong = await withToken.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer not-the-token-at-all' } });
    expect(wrong.statusCode).toBe(401);
    const right = await withToken.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${METRICS_TOKEN}` }, remoteAddress: '203.0.113.7' });
    expect(right.statusCode).toBe(200);
    expect(right.body).toContain('hourglass_http_request_duration_seconds');
  });

  it('without a token serves /metrics only to this machine, not to remote or proxied clients', async () => {
    expect((await plain.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(200);
    const remote = await plain.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '203.0.113.7' });
    expect(remote.statusCode).toBe(403);
    expect(remote.json().error.message).toContain('HOURGLASS_METRICS_TOKEN');
    const proxied = await plain.app.inject({ method: 'GET', url: '/metrics', headers: { 'x-forwarded-for': '203.0.113.7' } });
    expect(proxied.statusCode).toBe(403);
    const spoofed = await behindProxy.app.inject({ method: 'GET', url: '/metrics', headers: { 'x-forwarded-for': '127.0.0.1' }, remoteAddress: '203.0.113.8' });
    expect(spoofed.statusCode).toBe(403);
  });
});

describe('security settings from the environment', () => {
  it('reads proxy trust and metrics settings, and explains bad values', () => {
    const config = readConfig({ HOURGLASS_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1', HOURGLASS_METRICS_TOKEN: METRICS_TOKEN, HOURGLASS_METRICS_LISTEN: '[::1]:9464' });
    expect(config.security).toEqual({ trustProxy: ['10.0.0.0/8', '127.0.0.1'], metricsToken: METRICS_TOKEN, metricsListen: { host: '::1', port: 9464 } });
    expect(readConfig({ HOURGLASS_TRUST_PROXY: '2' }).security.trustProxy).toBe(2);
    expect(readConfig({ HOURGLASS_TRUST_PROXY: 'true' }).security.trustProxy).toBe(true);
    expect(readConfig({}).security).toEqual({ trustProxy: false, metricsToken: undefined, metricsListen: undefined });
    expect(() => readConfig({ HOURGLASS_TRUST_PROXY: 'yes please', HOURGLASS_METRICS_TOKEN: 'short', HOURGLASS_METRICS_LISTEN: '9464' })).toThrow(
      /HOURGLASS_TRUST_PROXY "yes please" is not understood[\s\S]*HOURGLASS_METRICS_TOKEN must be 16 to 256[\s\S]*HOURGLASS_METRICS_LISTEN "9464" must be host:port/,
    );
  });
});

describe('a separate metrics listener (HOURGLASS_METRICS_LISTEN)', () => {
  it('serves /metrics there and not on the API port', async () => {
    const database = await createTestDatabase();
    const server = await startServer({
      databaseUrl: database.url,
      port: 0,
      host: '127.0.0.1',
      worker: false,
      handleSignals: false,
      logLevel: 'silent',
      print: () => {},
      security: { metricsListen: { host: '127.0.0.1', port: 0 } },
    });
    try {
      expect(server.metrics?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
      const there = await fetch(server.metrics!.url);
      expect(there.status).toBe(200);
      expect(await there.text()).toContain('hourglass_process_cpu_seconds_total');
      const onApi = await fetch(`${server.url}/metrics`);
      expect(onApi.status).toBe(404);
    } finally {
      await server.close();
      await database.drop();
    }
  }, 60_000);
});
