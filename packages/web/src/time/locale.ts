/**
 * The locales Intl formats dates in for the language shown. The desk's English writes dates the
 * international way (`Wed 25 Nov, 17:30`, 24-hour clock) and names zones as US English does
 * (`MST`, `PST`; elsewhere `GMT-7`).
 */
import { activeLocale } from '../i18n/active.js';
import { baseLocale, type Locale } from '../i18n/locales.js';

const DATE_LOCALES: Readonly<Record<Locale, string>> = { en: 'en-GB', 'pt-BR': 'pt-BR', de: 'de', es: 'es', ru: 'ru' };
const ZONE_NAME_LOCALES: Readonly<Record<Locale, string>> = { en: 'en-US', 'pt-BR': 'pt-BR', de: 'de', es: 'es', ru: 'ru' };

/** The locale dates and times are written in now. */
export function dateLocale(): string {
  return DATE_LOCALES[baseLocale(activeLocale())];
}

/** The locale zone names (`MST`, `GMT+1`) are written in now. */
export function zoneNameLocale(): string {
  return ZONE_NAME_LOCALES[baseLocale(activeLocale())];
}

/** One Intl.DateTimeFormat per locale and options: making them is the costly part. */
const formats = new Map<string, Intl.DateTimeFormat>();

export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let found = formats.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, options);
    formats.set(key, found);
  }
  return found;
}
