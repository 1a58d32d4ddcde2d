/** The languages the desk speaks: one list, shared with the browser (`@hourglass/rules`). */
export { DEFAULT_LOCALE, isLocale, LOCALES, matchLocale, type Locale } from '@hourglass/rules/locales';
