/**
 * Before the first render: the language is chosen (the address's `?locale=`, which holds for the
 * rest of the tab's visit, else the choice stored in this browser, else the browser's languages, else English; the profile's comes once the person
 * is known), its catalog and, where the browser lacks it, Temporal are loaded, and `<html lang>` set.
 */
import { loadTemporal } from '../time/temporal.js';
import { type ActiveLanguage, activeLocale, setActiveLanguage } from './active.js';
import { loadParts, type Messages } from './load.js';
import { type AppLocale, isLocale, type Locale, matchLocale, negotiateLocale, PSEUDO_LOCALE } from './locales.js';
import type { MessagePart } from './parts.js';

const STORAGE_KEY = 'hourglass.locale';
/** A language chosen in the address holds for the rest of the tab's visit (reloads, other pages). */
const PINNED_KEY = 'hourglass.locale.pinned';

/** The page's globals, where there is a page (unit tests run without one). */
const page = globalThis as {
  localStorage?: { getItem(key: string): string | null; setItem(key: string, value: string): void };
  sessionStorage?: { getItem(key: string): string | null; setItem(key: string, value: string): void };
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
    // A choice made with the switcher replaces one made in the address.
    const session = page.sessionStorage;
    if (session && session.getItem(PINNED_KEY) !== null) session.setItem(PINNED_KEY, locale);
  } catch {
    // Storage may be disabled; the choice then lasts for this page only.
  }
}

/** The parts of the catalogs the pages shown so far need (more as a ticket's page or a staff area opens). */
const parts = new Set<MessagePart>(['common']);

/**
 * Makes `locale` the language shown: the parts of its catalog the app needs loaded, the formatter
 * replaced, `<html lang>` set.
 */
export async function activateLanguage(locale: AppLocale): Promise<ActiveLanguage & { messages: Messages }> {
  const messages = await loadParts(locale, parts);
  const active = setActiveLanguage(locale, messages);
  if (page.document) page.document.documentElement.lang = locale;
  return { ...active, messages };
}

/** The parts being loaded or loaded after the first render, so a second page waits for the same download. */
const required = new Map<MessagePart, Promise<void>>();

/**
 * Loads further parts of the catalogs (in the language shown) before the pages that need them
 * render: `await requireMessages('staff')` as a staff area's code loads.
 */
export async function requireMessages(...wanted: MessagePart[]): Promise<void> {
  const missing = wanted.filter((part) => !parts.has(part));
  if (missing.length > 0) {
    for (const part of missing) parts.add(part);
    const loading = activateLanguage(activeLocale()).then(
      () => undefined,
      (error: unknown) => {
        // A failed download may be retried when the page is opened again.
        for (const part of missing) {
          parts.delete(part);
          required.delete(part);
        }
        throw error;
      },
    );
    for (const part of missing) required.set(part, loading);
  }
  await Promise.all(wanted.map((part) => required.get(part)));
}

/** `?locale=` of the address, else the one an earlier page of this tab's visit was given. */
function requestedLocale(): string | null {
  const inAddress = new URLSearchParams(page.location?.search ?? '').get('locale');
  try {
    if (inAddress !== null) page.sessionStorage?.setItem(PINNED_KEY, inAddress);
    return inAddress ?? page.sessionStorage?.getItem(PINNED_KEY) ?? null;
  } catch {
    return inAddress;
  }
}

export async function startLanguage(): Promise<StartedLanguage> {
  const requested = requestedLocale();
  const locale = negotiateLocale({ requested, stored: storedLocale(), browser: page.navigator?.languages ?? [] });
  const [active] = await Promise.all([activateLanguage(locale), loadTemporal()]);
  const fromAddress = requested === PSEUDO_LOCALE ? PSEUDO_LOCALE : requested ? matchLocale(requested) : null;
  return { ...active, pinned: fromAddress !== null };
}
