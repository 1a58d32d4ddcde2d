import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { installWebApp } from '../../server/src/http/web-app.js';

const dirs: string[] = [];
function distWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'hourglass-dist-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

async function appOver(dist: string) {
  const app = Fastify({ logger: false });
  app.get('/api/v1/me', async () => ({ ok: true }));
  await installWebApp(app, dist);
  await app.ready();
  return app;
}

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('installWebApp', () => {
  it('serves the files, index.html for client routes, and leaves service paths to the API', async () => {
    const app = await appOver(distWith({ 'index.html': '<div id="root"></div>', 'assets/app-1a2b.js': 'console.log(1)' }));
    const home = await app.inject({ url: '/' });
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('id="root"');
    const route = await app.inject({ url: '/portal/tickets/123?x=1' });
    expect(route.statusCode).toBe(200);
    expect(route.headers['content-type']).toContain('text/html');
    expect(route.body).toContain('id="root"');
    const asset = await app.inject({ url: '/assets/app-1a2b.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    expect((await app.inject({ url: '/assets/missing.js' })).statusCode).toBe(404);
    for (const url of ['/api/v1/nothing', '/openapi.json', '/docs', '/healthz', '/metrics']) {
      const answer = await app.inject({ url });
      expect(answer.statusCode, url).toBe(404);
      expect(answer.body, url).not.toContain('id="root"');
    }
    expect((await app.inject({ url: '/api/v1/me' })).json()).toEqual({ ok: true });
    await app.close();
  });

  it('says how to build the app when there is no build', async () => {
    const app = await appOver(join(tmpdir(), 'hourglass-no-such-dist'));
    const page = await app.inject({ url: '/portal' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('npm run build -w @hourglass/web');
    expect((await app.inject({ url: '/api/v1/nothing' })).statusCode).toBe(404);
    await app.close();
  });
});
