/**
 * The headers of a cached status answer, made once per answer: security headers, validators and
 * caching. Both the routes (routes.ts) and the stampede path (fast-path.ts) send them.
 */
import { DATA_SECURITY_HEADERS, PAGE_SECURITY_HEADERS } from './public-headers.js';
import type { Answer, RenderedStatus } from './rendered.js';

/** Browsers and proxies may keep an answer this long; stale-if-error lets a proxy keep serving it through an outage. */
export const CACHE_CONTROL = 'public, max-age=5, stale-if-error=86400';

/** `page`: an HTML page in the reader's language; `data`: JSON or a feed, readable by any site. */
export type AnswerKind = 'page' | 'data';

const made = new WeakMap<Answer, Partial<Record<AnswerKind, Readonly<Record<string, string>>>>>();

export function answerHeaders(rendered: RenderedStatus, answer: Answer, kind: AnswerKind): Readonly<Record<string, string>> {
  let byKind = made.get(answer);
  if (!byKind) made.set(answer, (byKind = {}));
  return (byKind[kind] ??= {
    ...(kind === 'page' ? PAGE_SECURITY_HEADERS : DATA_SECURITY_HEADERS),
    etag: answer.etag,
    'last-modified': rendered.lastModified,
    'cache-control': CACHE_CONTROL,
    vary: kind === 'page' ? 'Accept-Language, Accept-Encoding' : 'Accept-Encoding',
    ...(rendered.stale ? { 'x-status-stale-since': rendered.snapshot.taken_at } : {}),
  });
}

/** Whether an If-None-Match header names this ETag (weak or strong, one of a list). */
export function etagMatches(header: string | undefined, etag: string): boolean {
  return header !== undefined && (header === etag || header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag));
}
