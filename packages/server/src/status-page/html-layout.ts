/**
 * The frame of the public status pages: a complete HTML document with a small inline style sheet in
 * the desk's colours (allowed by its hash in the page's Content-Security-Policy, so no inline style
 * is allowed in general and no script at all), a language switcher made of plain links, and the
 * subscribe link. Readable without JavaScript; every text from the server's catalogs.
 */
import { createHash } from 'node:crypto';
import { LOCALES, type Locale, translator } from '../i18n/index.js';

export const STATUS_CSS = `:root{--ink:#1b2430;--muted:#505c6b;--line:#d5dbe3;--bg:#f5f7fa;--panel:#fff;--accent:#1d4ed8;--ok:#166534;--ok-bg:#dcfce7;--warn:#854d0e;--warn-bg:#fef3c7;--bad:#991b1b;--bad-bg:#fee2e2;--calm:#334155;--calm-bg:#e2e8f0;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;line-height:1.5;color:var(--ink);background:var(--bg)}
*{box-sizing:border-box}body{margin:0}a{color:var(--accent)}:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
.top{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1.5rem;padding:.6rem 1.25rem;background:#0f172a;color:#f8fafc}.top a{color:#f8fafc}
.brand{font-weight:700;margin:0;font-size:1.1rem}.langs{margin-left:auto}.langs ul{display:flex;gap:.75rem;list-style:none;margin:0;padding:0}.langs a[aria-current]{font-weight:700;text-decoration:none}
main{max-width:960px;margin:0 auto;padding:1rem 1.25rem 3rem}h1{font-size:1.6rem;margin:.2rem 0 1rem}h2{font-size:1.15rem;margin:0 0 .6rem}h3{font-size:1rem;margin:.6rem 0 .3rem}
.panel{background:var(--panel);border:1px solid var(--line);border-radius:8px;padding:1rem;margin:0 0 1rem}
.banner{border-radius:8px;padding:1rem;margin:0 0 1rem;font-size:1.2rem;font-weight:600}.i-none{background:var(--ok-bg);color:var(--ok)}.i-minor{background:var(--warn-bg);color:var(--warn)}.i-major,.i-critical{background:var(--bad-bg);color:var(--bad)}.i-maintenance{background:var(--calm-bg);color:var(--calm)}
.notice{border:2px solid var(--warn);background:var(--warn-bg);color:var(--warn);border-radius:8px;padding:.75rem 1rem;margin:0 0 1rem}
.muted{color:var(--muted)}.small{font-size:.85rem}.plain{list-style:none;padding:0;margin:0}
.component{padding:.6rem 0;border-top:1px solid var(--line)}.component:first-child{border-top:0}.row{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:baseline;gap:.25rem 1rem}.row h3,.row h4{margin:0;font-size:1rem}
.s-operational{color:var(--ok)}.s-degraded_performance{color:var(--warn)}.s-partial_outage,.s-major_outage{color:var(--bad)}.s-under_maintenance{color:var(--calm)}
.bars{display:flex;gap:1px;height:28px;margin:.35rem 0 .1rem;padding:0;list-style:none}.bars li{flex:1;border-radius:2px;background:#22a06b}
.bars .b-degraded_performance{background:#e2a400}.bars .b-partial_outage{background:#e56910}.bars .b-major_outage{background:#c9372c}.bars .b-under_maintenance{background:#6b7a90}.bars .b-none{background:var(--line)}
.ends{display:flex;justify-content:space-between}.group{margin:.5rem 0 0}.group>h3{margin:.6rem 0 0}
.incident{border-top:1px solid var(--line);padding:.6rem 0}.incident:first-child{border-top:0}.update{margin:.5rem 0}.update p{margin:.1rem 0;white-space:pre-wrap}
.tag{display:inline-block;padding:0 .4rem;border-radius:4px;background:var(--calm-bg);color:var(--calm);font-size:.8rem}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
footer{max-width:960px;margin:0 auto;padding:0 1.25rem 2rem}.rfo{overflow-wrap:anywhere}`;

/** The hash the Content-Security-Policy allows the inline style sheet by. */
export const STATUS_CSS_HASH = `'sha256-${createHash('sha256').update(STATUS_CSS).digest('base64')}'`;

/** Native names of the languages, as each writes its own (never translated). */
const NATIVE_NAMES: Record<Locale, string> = { en: 'English', 'pt-BR': 'Português (Brasil)', de: 'Deutsch', es: 'Español', ru: 'Русский' };

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text or an attribute value, escaped for HTML. */
export function esc(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

export interface LayoutInput {
  locale: Locale;
  title: string;
  /** The provider's name, shown in the header. */
  brand: string;
  /** This page's path (without query), for the language links. */
  path: string;
  /** The main content (already HTML). */
  main: string;
  /** Extra links in the head (feeds). */
  head?: string;
}

export function layout(input: LayoutInput): string {
  const { t } = translator(input.locale);
  const languages = LOCALES.map((locale) => {
    const current = locale === input.locale ? ' aria-current="true"' : '';
    return `<li><a href="${esc(input.path)}?locale=${locale}" lang="${locale}" hreflang="${locale}"${current}>${esc(NATIVE_NAMES[locale])}</a></li>`;
  }).join('');
  return (
    `<!doctype html><html lang="${input.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${esc(input.title)}</title><style>${STATUS_CSS}</style>${input.head ?? ''}</head><body>` +
    `<header class="top"><p class="brand"><a href="/status?locale=${input.locale}">${esc(input.brand)}</a></p>` +
    `<nav class="langs" aria-label="${esc(t('status-page.page.languages'))}"><ul>${languages}</ul></nav></header>` +
    `<main id="main">${input.main}</main>` +
    `<footer class="small muted"><p>${esc(t('status-page.page.timesInUtc'))}</p><p><a href="/status/subscribe?locale=${input.locale}">${esc(t('status-page.page.subscribe'))}</a> · <a href="/history.atom">${esc(t('status-page.feed.atom'))}</a> · <a href="/history.rss">${esc(t('status-page.feed.rss'))}</a></p></footer>` +
    `</body></html>`
  );
}
