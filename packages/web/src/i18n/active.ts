/**
 * The language the page shows right now, for code outside React components (the time formatting,
 * the API client's Accept-Language): one `IntlShape` (react-intl's formatter over the loaded catalog),
 * replaced when the person switches languages.
 */
import { createIntl, createIntlCache, type IntlShape } from 'react-intl';
import type { Messages } from './load.js';
import { type AppLocale, baseLocale, DEFAULT_LOCALE, type Locale } from './locales.js';

export interface ActiveLanguage {
  locale: AppLocale;
  intl: IntlShape;
}

const cache = createIntlCache();
let active: ActiveLanguage | null = null;
const listeners = new Set<(language: ActiveLanguage) => void>();

/** Calls `listener` whenever the active language (or its loaded messages) changes; returns the unsubscribe. */
export function onActiveLanguage(listener: (language: ActiveLanguage) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The formatter of `locale` over `messages`; a missing message is an error in the console, shown as its id. */
export function intlFor(locale: AppLocale, messages: Messages): IntlShape {
  return createIntl({ locale, defaultLocale: DEFAULT_LOCALE, messages, onError: reportIntlError }, cache);
}

function reportIntlError(error: { code?: string; message: string }): void {
  console.error(`[i18n] ${error.message}`);
}

export function setActiveLanguage(locale: AppLocale, messages: Messages): ActiveLanguage {
  const language = { locale, intl: intlFor(locale, messages) };
  active = language;
  for (const listener of listeners) listener(language);
  return language;
}

/** The active formatter; the app loads a catalog before its first render, so one is always there. */
export function activeIntl(): IntlShape {
  if (!active) throw new Error('No language is loaded yet: load a catalog (startLanguage) before formatting text.');
  return active.intl;
}

export function activeLocale(): AppLocale {
  return active?.locale ?? DEFAULT_LOCALE;
}

/** The real language shown (the pseudo-locale counts as English), as sent in Accept-Language. */
export function activeBaseLocale(): Locale {
  return baseLocale(activeLocale());
}
