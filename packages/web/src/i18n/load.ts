/**
 * Loads one locale's precompiled catalog. Each locale is its own chunk, so a page downloads only the
 * language it shows (the imports are spelled out for the bundler to split them).
 */
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { AppLocale } from './locales.js';

export type Messages = Record<string, MessageFormatElement[]>;

const loaders: Record<AppLocale, () => Promise<{ default: Messages }>> = {
  en: () => import('virtual:messages/en'),
  'pt-BR': () => import('virtual:messages/pt-BR'),
  de: () => import('virtual:messages/de'),
  es: () => import('virtual:messages/es'),
  ru: () => import('virtual:messages/ru'),
  'en-XA': () => import('virtual:messages/en-XA'),
};

const loaded = new Map<AppLocale, Promise<Messages>>();

export function loadMessages(locale: AppLocale): Promise<Messages> {
  let found = loaded.get(locale);
  if (!found) {
    found = loaders[locale]().then((module) => module.default);
    // A failed download may be retried (the next switch to this language asks again).
    found.catch(() => loaded.delete(locale));
    loaded.set(locale, found);
  }
  return found;
}
