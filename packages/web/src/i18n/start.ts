/**
 * Before the first render: the language is chosen (the address's `?locale=`, else the choice stored
 * in this browser, else the browser's languages, else English; the profile's comes once the person
 * is known), its catalog and, where the browser lacks it, Temporal are loaded, and `<html lang>` set.
 */
import { loadTemporal } from '../time/temporal.js';
import { type ActiveLanguage, setActiveLanguage } from './active.js';
import { loadMessages, type Messages } from './load.js';
import { type AppLocale, isLocale, type Locale, negotiateLocale } from './locales.js';

const STORAGE_KEY = 'hourglass.locale';

/** The page's globals, where there is a page (unit tests run without one). */
const page = globalThis as {
  localStorage?: { getItem(key: string): string | null; setItem(key: string, value: string): void };
  location?: { search: string };
  navigator?: { languages?: readonly string[] };
  document?: { documentElement: { lang: string } };
};

export interface StartedLanguage extends ActiveLanguage {
  messages: Messages;
  /** Chosen in the address (`?locale=`): the profile does not override it. */
  pinned: boolean;
}

export function storedLocale(): Locale | null {
  try {
    const value = page.localStorage?.getItem(STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

export function storeLocale(locale: Locale): void {
  try {
    page.localStorage?.setItem(STORAGE_KEY, locale);
  } catch {
    // Storage may be disabled; the choice then lasts for this page only.
  }
}

/** Makes `locale` the language shown: its catalog loaded, the formatter replaced, `<html lang>` set. */
export async function activateLanguage(locale: AppLocale): Promise<ActiveLanguage & { messages: Messages }> {
  const messages = await loadMessages(locale);
  const active = setActiveLanguage(locale, messages);
  if (page.document) page.document.documentElement.lang = locale;
  return { ...active, messages };
}

export async function startLanguage(): Promise<StartedLanguage> {
  const requested = new URLSearchParams(page.location?.search ?? '').get('locale');
  const locale = negotiateLocale({ requested, stored: storedLocale(), browser: page.navigator?.languages ?? [] });
  const [active] = await Promise.all([activateLanguage(locale), loadTemporal()]);
  return { ...active, pinned: requested !== null && requested === locale };
}
