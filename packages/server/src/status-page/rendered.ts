/**
 * The answers of one snapshot, each made when first asked for and then kept as bytes: the Statuspage
 * JSON documents, the feeds, and the HTML pages per language, each with its ETag and a gzip copy.
 * Serving one is a lookup.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Locale } from '../i18n/index.js';
import { historyFeed } from './feeds.js';
import { incidentPageHtml, notFoundHtml, statusPageHtml } from './page-html.js';
import type { StatusSnapshot } from './snapshot.js';
import { type STATUSPAGE_DOCUMENTS, type StatuspageDocuments, statuspageDocuments } from './statuspage-json.js';

export interface Answer {
  body: Buffer;
  /** Made on first use. */
  gzipped: Buffer | null;
  etag: string;
  type: string;
}

export type DocumentName = (typeof STATUSPAGE_DOCUMENTS)[number];

/** Incident pages kept per language, at most (then they are made again on each request). */
const MAX_INCIDENT_PAGES = 500;

export class RenderedStatus {
  readonly lastModified: string;
  readonly #json = new Map<DocumentName, Answer>();
  readonly #pages = new Map<string, Answer>();
  #feeds: { atom: Answer; rss: Answer } | null = null;

  #documents: StatuspageDocuments | null = null;

  constructor(
    readonly snapshot: StatusSnapshot,
    readonly baseUrl: string,
    /** The database could not be read when this was made: the state is as of the snapshot's time. */
    readonly stale: boolean,
    readonly now: number,
  ) {
    this.lastModified = new Date(Date.parse(snapshot.taken_at)).toUTCString();
  }

  /** A Statuspage document, written out when first asked for (a snapshot read ten times a second is mostly never asked for most of them). */
  json(name: DocumentName): Answer {
    let found = this.#json.get(name);
    if (!found) {
      this.#documents ??= statuspageDocuments(this.snapshot, this.baseUrl, this.now);
      found = answer(JSON.stringify(this.#documents[name]), 'application/json; charset=utf-8');
      this.#json.set(name, found);
    }
    return found;
  }

  statusPage(locale: Locale): Answer {
    const key = `status ${locale}`;
    let found = this.#pages.get(key);
    if (!found) {
      found = answer(statusPageHtml(this.#context(locale)), 'text/html; charset=utf-8');
      this.#pages.set(key, found);
    }
    return found;
  }

  /** An incident's page, or null when it is not on the status page. */
  incidentPage(id: string, locale: Locale): Answer | null {
    const key = `incident ${locale} ${id}`;
    const found = this.#pages.get(key);
    if (found) return found;
    const html = incidentPageHtml(this.#context(locale), id);
    if (html === null) return null;
    const made = answer(html, 'text/html; charset=utf-8');
    if (this.#pages.size < MAX_INCIDENT_PAGES) this.#pages.set(key, made);
    return made;
  }

  notFound(locale: Locale): Answer {
    const key = `404 ${locale}`;
    let found = this.#pages.get(key);
    if (!found) {
      found = answer(notFoundHtml(this.#context(locale)), 'text/html; charset=utf-8');
      this.#pages.set(key, found);
    }
    return found;
  }

  feed(kind: 'atom' | 'rss'): Answer {
    if (!this.#feeds) {
      const feed = historyFeed(this.snapshot, this.baseUrl);
      this.#feeds = { atom: answer(feed.atom1(), 'application/atom+xml; charset=utf-8'), rss: answer(feed.rss2(), 'application/rss+xml; charset=utf-8') };
    }
    return this.#feeds[kind];
  }

  #context(locale: Locale) {
    return { snapshot: this.snapshot, locale, now: this.now, stale: this.stale };
  }
}

function answer(text: string, type: string): Answer {
  const body = Buffer.from(text, 'utf8');
  return { body, gzipped: null, etag: `"${createHash('sha1').update(body).digest('base64url')}"`, type };
}

/** The gzip copy of an answer (made once). */
export function gzippedOf(answer: Answer): Buffer {
  answer.gzipped ??= gzipSync(answer.body);
  return answer.gzipped;
}
