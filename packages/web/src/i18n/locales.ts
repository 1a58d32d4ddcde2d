/**
 * The languages of the desk and how one is chosen: the signed-in person's profile, else the choice
 * stored in this browser, else the browser's own preferences (best match), else English.
 */

import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale, matchLocale } from '@hourglass/rules/locales';

export { DEFAULT_LOCALE, isLocale, LOCALES, matchLocale, type Locale };

/**
 * The pseudo-locale: English with every translated text accented and bracketed, so any text that
 * does not come from a catalog stands out. Chosen with `?locale=en-XA`; never offered to people.
 */
export const PSEUDO_LOCALE = 'en-XA';
export type AppLocale = Locale | typeof PSEUDO_LOCALE;

/** Each language in its own words, as the switcher offers it. */
export const NATIVE_NAMES: Readonly<Record<Locale, string>> = {
  en: 'English',
  'pt-BR': 'Português (Brasil)',
  de: 'Deutsch',
  es: 'Español',
  ru: 'Русский',
};

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
