/**
 * Loads one part of a locale's precompiled catalog (see parts.ts). Each is its own chunk, so a page
 * downloads only the language it shows, and only the parts its pages need (the imports are
 * spelled out for the bundler to split them).
 */
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { AppLocale } from './locales.js';
import type { MessagePart } from './parts.js';

export type Messages = Record<string, MessageFormatElement[]>;
type Loader = () => Promise<{ default: Messages }>;

const loaders: Record<AppLocale, Record<MessagePart, Loader>> = {
  en: {
    common: () => import('virtual:messages/en/common'),
    ticket: () => import('virtual:messages/en/ticket'),
    staff: () => import('virtual:messages/en/staff'),
  },
  'pt-BR': {
    common: () => import('virtual:messages/pt-BR/common'),
    ticket: () => import('virtual:messages/pt-BR/ticket'),
    staff: () => import('virtual:messages/pt-BR/staff'),
  },
  de: {
    common: () => import('virtual:messages/de/common'),
    ticket: () => import('virtual:messages/de/ticket'),
    staff: () => import('virtual:messages/de/staff'),
  },
  es: {
    common: () => import('virtual:messages/es/common'),
    ticket: () => import('virtual:messages/es/ticket'),
    staff: () => import('virtual:messages/es/staff'),
  },
  ru: {
    common: () => import('virtual:messages/ru/common'),
    ticket: () => import('virtual:messages/ru/ticket'),
    staff: () => import('virtual:messages/ru/staff'),
  },
  'en-XA': {
    common: () => import('virtual:messages/en-XA/common'),
    ticket: () => import('virtual:messages/en-XA/ticket'),
    staff: () => import('virtual:messages/en-XA/staff'),
  },
};

const loaded = new Map<string, Promise<Messages>>();

export function loadMessages(locale: AppLocale, part: MessagePart = 'common'): Promise<Messages> {
  const key = `${locale}/${part}`;
  let found = loaded.get(key);
  if (!found) {
    found = loaders[locale][part]().then((module) => module.default);
    // A failed download may be retried (the next switch to this language asks again).
    found.catch(() => loaded.delete(key));
    loaded.set(key, found);
  }
  return found;
}

/** The parts of `locale`'s catalog, merged. */
export async function loadParts(locale: AppLocale, parts: Iterable<MessagePart>): Promise<Messages> {
  const catalogs = await Promise.all([...parts].map((part) => loadMessages(locale, part)));
  return Object.assign({}, ...catalogs) as Messages;
}
