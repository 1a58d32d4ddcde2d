import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from './locales.js';

/**
 * The desk's locale for a BCP 47 tag: the exact locale (any letter case), else the one of the same
 * language (`pt`, `pt-PT` → `pt-BR`; `de-AT` → `de`; `en-US` → `en`); undefined when the desk does not
 * speak the language.
 */
export function matchLocale(tag: string | null | undefined): Locale | undefined {
  if (typeof tag !== 'string') return undefined;
  const wanted = tag.trim().toLowerCase();
  if (wanted === '') return undefined;
  const exact = LOCALES.find((l) => l.toLowerCase() === wanted);
  if (exact) return exact;
  const language = wanted.split(/[-_]/)[0];
  return LOCALES.find((l) => l.toLowerCase().split('-')[0] === language);
}

/**
 * The best of the desk's locales for an `Accept-Language` header, by the weights the client gave
 * (`de-CH, de;q=0.9, en;q=0.5` → `de`); undefined when the header names none the desk speaks.
 */
export function negotiateLocale(acceptLanguage: string | readonly string[] | null | undefined): Locale | undefined {
  const header = Array.isArray(acceptLanguage) ? acceptLanguage.join(',') : acceptLanguage;
  if (typeof header !== 'string' || header.length > 1000) return undefined;
  const ranges = header
    .split(',')
    .map((part, order) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/i.exec(p)).find((m) => m !== null);
      return { tag: tag.trim(), weight: q ? Number(q[1]) : 1, order };
    })
    .filter((r) => r.tag !== '' && r.tag !== '*' && r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.order - b.order);
  for (const range of ranges) {
    const found = matchLocale(range.tag);
    if (found) return found;
  }
  return undefined;
}

/**
 * The language of an email: the recipient's chosen locale; for a customer who has not chosen, the
 * ticket's language when the desk speaks it; else English.
 */
export function recipientLocale(recipient: { locale: string | null | undefined; role: string }, ticketLanguage: string | null | undefined): Locale {
  if (isLocale(recipient.locale)) return recipient.locale;
  if (recipient.role === 'customer') return matchLocale(ticketLanguage) ?? DEFAULT_LOCALE;
  return DEFAULT_LOCALE;
}
