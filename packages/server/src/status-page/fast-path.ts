/**
 * The stampede path: during an incident everybody's status widgets, aggregators and browsers ask
 * for the same few documents at once. A plain `GET` of a Statuspage JSON document or a feed, with no
 * query string, is answered from the cached bytes straight from the HTTP server's request event,
 * before the framework's routing, hooks and reply objects; anything else (another method, a query,
 * no snapshot yet) goes on to the app as usual, where the same answer is made by routes.ts.
 *
 * What the app's hooks would add is added here too: the same security headers (precomputed), HSTS
 * when the request came over TLS (directly or as a proxy says), and the request counted in the
 * app's request metrics. None of these documents needs a sign-in, a throttle or an origin check.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { answerHeaders, etagMatches } from './answer-headers.js';
import { type DocumentName, gzippedOf, type RenderedStatus } from './rendered.js';
import { STATUSPAGE_DOCUMENTS } from './statuspage-json.js';

type Target = { kind: 'json'; name: DocumentName } | { kind: 'feed'; name: 'atom' | 'rss' };

const TARGETS = new Map<string, Target>([
  ...STATUSPAGE_DOCUMENTS.map((name) => [`/api/v2/${name}`, { kind: 'json', name }] as const),
  ['/history.atom', { kind: 'feed', name: 'atom' }],
  ['/history.rss', { kind: 'feed', name: 'rss' }],
]);

const HSTS = 'max-age=31536000; includeSubDomains';

export interface FastPathOptions {
  /** The snapshot to answer from; null: not read yet (the app answers). */
  current(): RenderedStatus | null;
  /** Counts an answer in the app's request metrics (route, status code, seconds). */
  observe?(route: string, statusCode: number, seconds: number): void;
}

/**
 * Puts the stampede path in front of the app's request handler on `server` (the app's own HTTP
 * server, whose timeouts and limits stay as configured).
 */
export function installStatusFastPath(server: Server, options: FastPathOptions): void {
  const handlers = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  if (handlers.length !== 1) return; // Not the server shape this expects: leave everything to the app.
  const app = handlers[0]!;
  server.removeListener('request', app);
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'GET' || !answer(req, res, options)) app(req, res);
  });
}

function answer(req: IncomingMessage, res: ServerResponse, options: FastPathOptions): boolean {
  const url = req.url ?? '';
  const target = TARGETS.get(url);
  if (target === undefined) return false;
  const rendered = options.current();
  if (rendered === null) return false;
  const started = process.hrtime.bigint();
  const found = target.kind === 'json' ? rendered.json(target.name) : rendered.feed(target.name);
  const headers: Record<string, string | number> = { ...answerHeaders(rendered, found, 'data') };
  if (overTls(req)) headers['strict-transport-security'] = HSTS;
  let status = 200;
  if (etagMatches(req.headers['if-none-match'], found.etag)) {
    status = 304;
    res.writeHead(304, headers);
    res.end();
  } else {
    headers['content-type'] = found.type;
    const gzip = acceptsGzip(req.headers['accept-encoding']);
    const body = gzip ? gzippedOf(found) : found.body;
    if (gzip) headers['content-encoding'] = 'gzip';
    headers['content-length'] = body.length;
    res.writeHead(200, headers);
    res.end(body);
  }
  options.observe?.(url, status, Number(process.hrtime.bigint() - started) / 1e9);
  return true;
}

function overTls(req: IncomingMessage): boolean {
  if ((req.socket as { encrypted?: boolean }).encrypted) return true;
  const forwarded = req.headers['x-forwarded-proto'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim().toLowerCase();
  return first === 'https';
}

function acceptsGzip(encodings: string | undefined): boolean {
  return encodings !== undefined && /\bgzip\b/.test(encodings);
}
