/**
 * The languages the desk speaks (its pages, emails, error messages and due-time explanations), one
 * list for the service and the browser. `en` is the source language and the fallback for anything a
 * reader's language cannot supply.
 */
export const LOCALES = ['en', 'pt-BR', 'de', 'es', 'ru'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The desk's locale for a BCP 47 tag, or null: the exact locale (any letter case) first, else the one
 * of the same language (`pt`, `pt-PT` → `pt-BR`; `de-AT` → `de`; `es-419` → `es`; `en-US` → `en`).
 */
export function matchLocale(tag: string | null | undefined): Locale | null {
  if (typeof tag !== 'string') return null;
  const wanted = tag.trim().toLowerCase();
  if (wanted === '') return null;
  const exact = LOCALES.find((locale) => locale.toLowerCase() === wanted);
  if (exact) return exact;
  const language = wanted.split(/[-_]/)[0];
  return LOCALES.find((locale) => locale.toLowerCase().split('-')[0] === language) ?? null;
}
