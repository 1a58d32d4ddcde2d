/**
 * The languages the desk speaks: its pages, emails, error messages and due-time explanations.
 * `en` is the source language and the fallback for anything a reader's language cannot supply.
 */
export const LOCALES = ['en', 'pt-BR', 'de', 'es', 'ru'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}
