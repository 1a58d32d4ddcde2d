import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Paths that belong to the service, never to the web app: an unknown one is the API's 404. */
const SERVICE_PATHS = /^\/(api(\/|$)|openapi\.json$|docs(\/|$)|healthz$|metrics$)/;

const NOT_BUILT_PAGE =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Hourglass</title></head>' +
  '<body><main><p>The Hourglass web app is not built yet: run <code>npm run build -w @hourglass/web</code> and reload this page.</p></main></body></html>';

/** packages/web/dist, seen from packages/server/{src,dist}/http. */
export function defaultWebDistDir(): string {
  return resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../web/dist');
}

/**
 * Serves the built web app at `/`: its files (hashed assets cached for a year, index.html never),
 * and index.html for every other GET that is not a service path, so client routes such as
 * `/portal/tickets/…` load the app. Without a build it answers with a page saying how to build it.
 * Call before `app.ready()`.
 */
export async function installWebApp(app: FastifyInstance, distDir: string = defaultWebDistDir()): Promise<void> {
  const indexFile = join(distDir, 'index.html');
  const built = existsSync(indexFile);
  if (built) {
    await app.register(fastifyStatic, {
      root: distDir,
      prefix: '/',
      wildcard: false,
      index: false,
      setHeaders(reply, path) {
        reply.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (SERVICE_PATHS.test(path)) return reply.callNotFound();
    if (/\/assets\//.test(path) || /\.[a-z0-9]{1,8}$/i.test(path)) return reply.callNotFound();
    const page = built ? await readFile(indexFile, 'utf8').catch(() => NOT_BUILT_PAGE) : NOT_BUILT_PAGE;
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(page);
  });
}
