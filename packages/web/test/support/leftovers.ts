/**
 * English left on a page shown in the pseudo-locale (`?locale=en-XA`). There every catalog message
 * is accented and bracketed (`[Ŕéášóñ: {reason} one two]`, see src/i18n/pseudo.ts), so a text a
 * person reads is in order when it lies inside a message's brackets, or is data the page received
 * from the API (names, subjects, ids, the service's own messages), or what Intl writes (dates,
 * durations), with numbers and punctuation around them, or an identifier set as `<code>`. Anything
 * else is a hard-coded text.
 *
 * ```ts
 * const data = recordApiStrings(page); // before the page loads
 * await page.goto(`${url}/portal?locale=en-XA`);
 * expect(await englishLeftovers(page, data)).toEqual([]);
 * ```
 */
import type { Page } from 'playwright-core';

/** Every string in the API's JSON answers the page has received, and how to wait for the last ones. */
export interface ApiStrings extends Iterable<string> {
  readonly strings: Set<string>;
  /** Resolves once every answer received so far has been read. */
  settled(): Promise<void>;
}

/** Starts recording the strings of every JSON answer from `/api/` (call before the page loads). */
export function recordApiStrings(page: Page): ApiStrings {
  const strings = new Set<string>();
  const pending: Promise<void>[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') strings.add(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  page.on('response', (response) => {
    if (!new URL(response.url()).pathname.startsWith('/api/') || !(response.headers()['content-type'] ?? '').includes('json')) return;
    pending.push(response.json().then(walk, () => undefined));
  });
  return {
    strings,
    settled: async () => void (await Promise.all(pending)),
    [Symbol.iterator]: () => strings[Symbol.iterator](),
  };
}

export interface LeftoverOptions {
  /** Where to look (a CSS selector; every match); the whole page and its title by default. */
  within?: string;
  /** Elements whose texts are not the page's words (a CSS selector), besides the ones always skipped. */
  skip?: string;
}

/**
 * Runs in the page. Reads the text nodes and the aria-label, placeholder, title and alt attributes
 * under the roots; takes out the data strings as whole words (they may hold brackets of their own),
 * blanks what lies inside a message's brackets (counted from the start of the text's block, since a
 * message with markup spans several text nodes), then takes out the words Intl writes dates with,
 * narrow durations (`8h`, `5m`) and words in the pseudo-locale's accents (a message with markup can
 * span blocks). A text with a letter left is reported. Never read: scripts and styles, `<time>`
 * (Intl's dates), `<code>` (identifiers such as event names), text areas (what a person typed) and
 * parts marked as another language (the language switcher names each language in its own words).
 */
const FIND_LEFTOVERS = `({ within, skip, data }) => {
  const letter = /\\p{L}/u;
  const escaped = (text) => text.replace(/[.*+?^\${}()|[\\]\\\\]/g, '\\\\$&');
  const dateWords = new Set(['UTC', 'GMT']);
  for (const locale of ['en-GB', 'en-US']) {
    for (const width of ['short', 'long']) {
      for (let day = 1; day <= 7; day++) dateWords.add(new Intl.DateTimeFormat(locale, { weekday: width, timeZone: 'UTC' }).format(Date.UTC(2024, 0, day)));
      for (let month = 0; month < 12; month++) dateWords.add(new Intl.DateTimeFormat(locale, { month: width, timeZone: 'UTC' }).format(Date.UTC(2024, month, 1)));
    }
  }
  // The page's own language tag is a code, wherever it shows (the switcher names an unlisted one by it).
  const known = [...new Set([...data, ...dateWords, document.documentElement.lang])].filter((text) => letter.test(text)).sort((a, b) => b.length - a.length);
  const patterns = known.map((text) => new RegExp('(?<![\\\\p{L}\\\\p{N}])' + escaped(text) + '(?![\\\\p{L}\\\\p{N}])', 'gu'));
  /** The text with every data string taken out (whole words), before brackets are counted: data may hold brackets too. */
  const withoutData = (text) => {
    let rest = text;
    for (const pattern of patterns) if (letter.test(rest)) rest = rest.replace(pattern, ' ');
    return rest;
  };
  const english = (text) => {
    if (!letter.test(text)) return false;
    // Words in the pseudo-locale's accents belong to a message whose brackets lie in another block.
    let rest = text.replace(/[\\p{L}\\p{M}]*[ƀðƒĝĥĵķļɱþǫŕšţṽŵẋžƁÐƑĜĤĴĶĻṀÞǪŔŠŤṼŴẊŽ][\\p{L}\\p{M}]*/gu, ' ');
    for (const pattern of patterns) if (letter.test(rest)) rest = rest.replace(pattern, ' ');
    rest = rest.replace(/(?<![\\p{L}\\p{N}])\\d+(?:[.,]\\d+)?\\s?(?:d|h|m|s|min)(?![\\p{L}\\p{N}])/gu, ' ');
    return letter.test(rest);
  };
  /** The parts of a text outside catalog messages, given the bracket depth before it. */
  const outside = (text, depth) => {
    let out = '';
    for (const char of text) {
      if (char === '[') depth++;
      else if (char === ']') depth = Math.max(0, depth - 1);
      else out += depth > 0 ? ' ' : char;
    }
    return { text: out.replace(/\\s+/g, ' ').trim(), depth };
  };
  const pageLang = document.documentElement.lang;
  const always = 'script, style, noscript, template, time, textarea, code' + (skip ? ', ' + skip : '');
  const skipped = (element) => {
    if (!element || element.closest(always)) return true;
    const foreign = element.closest('[lang]');
    return foreign !== null && foreign !== document.documentElement && foreign.getAttribute('lang') !== pageLang;
  };
  const blockOf = (element) => {
    for (let at = element; at; at = at.parentElement) {
      const display = getComputedStyle(at).display;
      if ((!display.startsWith('inline') && display !== 'contents') || ['BUTTON', 'OPTION', 'SELECT'].includes(at.tagName)) return at;
    }
    return document.body;
  };
  const where = (element) => {
    const tag = element.tagName.toLowerCase();
    return element.id ? tag + '#' + element.id : element.className && typeof element.className === 'string' ? tag + '.' + element.className.split(/\\s+/)[0] : tag;
  };
  const roots = within ? [...document.querySelectorAll(within)] : [document.body];
  const found = [];
  const depths = new Map();
  for (const root of roots) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const block = blockOf(parent);
      const before = depths.get(block) ?? 0;
      const result = outside(withoutData(node.textContent ?? ''), before);
      depths.set(block, result.depth);
      if (skipped(parent)) continue;
      if (english(result.text)) found.push('text "' + result.text + '" in <' + where(parent) + '>');
    }
    for (const element of [root, ...root.querySelectorAll('[aria-label], [placeholder], [title], [alt]')]) {
      if (skipped(element)) continue;
      for (const name of ['aria-label', 'placeholder', 'title', 'alt']) {
        const value = element.getAttribute(name);
        if (!value) continue;
        const rest = outside(withoutData(value), 0).text;
        if (english(rest)) found.push(name + ' "' + rest + '" on <' + where(element) + '>');
      }
    }
  }
  if (!within) {
    const title = outside(withoutData(document.title), 0).text;
    if (english(title)) found.push('document title "' + title + '"');
  }
  return [...new Set(found)];
}`;

/**
 * The hard-coded English on the page: each text that is neither inside a pseudo-localized message
 * nor made only of `data` (as whole words), dates, durations, numbers and punctuation, with where it
 * is (`text "Status" in <label>`, `aria-label "Close" on <button>`). Empty when all is translated.
 */
export async function englishLeftovers(page: Page, data: Iterable<string> | ApiStrings, options: LeftoverOptions = {}): Promise<string[]> {
  if ('settled' in data) await data.settled();
  const strings = [...('strings' in data ? data.strings : data)];
  return (await page.evaluate(`(${FIND_LEFTOVERS})(${JSON.stringify({ within: options.within ?? null, skip: options.skip ?? null, data: strings })})`)) as string[];
}
