/**
 * The languages of the desk and how one is chosen: the signed-in person's profile, else the choice
 * stored in this browser, else the browser's own preferences (best match), else English.
 */

export const LOCALES = ['en', 'pt-BR', 'de', 'es', 'ru'] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * The pseudo-locale: English with every translated text accented and bracketed, so any text that
 * does not come from a catalog stands out. Chosen with `?locale=en-XA`; never offered to people.
 */
export const PSEUDO_LOCALE = 'en-XA';
export type AppLocale = Locale | typeof PSEUDO_LOCALE;

export const DEFAULT_LOCALE: Locale = 'en';

/** Each language in its own words, as the switcher offers it. */
export const NATIVE_NAMES: Readonly<Record<Locale, string>> = {
  en: 'English',
  'pt-BR': 'Português (Brasil)',
  de: 'Deutsch',
  es: 'Español',
  ru: 'Русский',
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The desk's language for a BCP 47 tag, or null: an exact match first, then by language
 * (`pt`, `pt-PT` → `pt-BR`; `de-AT` → `de`; `es-419` → `es`; `en-US` → `en`).
 */
export function matchLocale(tag: string): Locale | null {
  const trimmed = tag.trim();
  if (trimmed === '') return null;
  const exact = LOCALES.find((locale) => locale.toLowerCase() === trimmed.toLowerCase());
  if (exact) return exact;
  const language = trimmed.split(/[-_]/)[0]!.toLowerCase();
  return LOCALES.find((locale) => locale.split('-')[0]!.toLowerCase() === language) ?? null;
}

export interface LocaleSources {
  /** `?locale=` in the page's address (the pseudo-locale is only reachable this way). */
  requested?: string | null;
  /** The signed-in person's profile. */
  profile?: string | null;
  /** The choice stored in this browser (signed-out pages). */
  stored?: string | null;
  /** `navigator.languages`, most preferred first. */
  browser?: readonly string[];
}

/** The language to show, from the strongest source that names one the desk speaks. */
export function negotiateLocale(sources: LocaleSources): AppLocale {
  if (sources.requested === PSEUDO_LOCALE) return PSEUDO_LOCALE;
  for (const candidate of [sources.requested, sources.profile, sources.stored]) {
    const match = candidate ? matchLocale(candidate) : null;
    if (match) return match;
  }
  for (const tag of sources.browser ?? []) {
    const match = matchLocale(tag);
    if (match) return match;
  }
  return DEFAULT_LOCALE;
}

/** The real language behind a locale: the pseudo-locale formats dates and numbers as English. */
export function baseLocale(locale: AppLocale): Locale {
  return locale === PSEUDO_LOCALE ? 'en' : locale;
}
