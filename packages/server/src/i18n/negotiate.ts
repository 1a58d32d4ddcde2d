import { DEFAULT_LOCALE, isLocale, type Locale, matchLocale } from './locales.js';

export { matchLocale };

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
