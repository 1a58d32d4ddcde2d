/**
 * The language shown, for the whole app: react-intl's provider over the active formatter, and the
 * way to change language (the switcher, the profile's language once the person is known).
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { type IntlShape, RawIntlProvider } from 'react-intl';
import { activeLocale, onActiveLanguage } from './active.js';
import { type AppLocale, isLocale, type Locale } from './locales.js';
import { activateLanguage, type StartedLanguage, storeLocale } from './start.js';

export interface LanguageControl {
  locale: AppLocale;
  /** The address chose the language (`?locale=`): a profile's language does not replace it. */
  pinned: boolean;
  /** Shows the app in `locale` (after its catalog loads) and remembers the choice in this browser. */
  changeLocale(locale: Locale): Promise<void>;
}

const LanguageContext = createContext<LanguageControl | null>(null);

export function LanguageProvider({ initial, children }: { initial: StartedLanguage; children: ReactNode }) {
  const [shown, setShown] = useState<{ locale: AppLocale; intl: IntlShape }>({ locale: initial.locale, intl: initial.intl });
  const latest = useRef(0);
  const changeLocale = useCallback(async (locale: Locale) => {
    const request = ++latest.current;
    storeLocale(locale);
    const active = await activateLanguage(locale);
    // A later choice made while this catalog loaded wins.
    if (request === latest.current) setShown({ locale: active.locale, intl: active.intl });
  }, []);
  // More of the catalogs loaded (a staff area opened): the same language, with the new messages.
  useEffect(() => onActiveLanguage((language) => setShown((current) => (current.locale === language.locale ? { locale: language.locale, intl: language.intl } : current))), []);
  const control = useMemo(() => ({ locale: shown.locale, pinned: initial.pinned, changeLocale }), [shown.locale, initial.pinned, changeLocale]);
  return (
    <LanguageContext.Provider value={control}>
      <RawIntlProvider value={shown.intl}>{children}</RawIntlProvider>
    </LanguageContext.Provider>
  );
}

export function useLanguage(): LanguageControl {
  const control = useContext(LanguageContext);
  if (!control) throw new Error('useLanguage outside <LanguageProvider>');
  return control;
}

/**
 * The signed-in person's language: once their profile names one, the app switches to it before
 * their pages show (unless the address chose a language with `?locale=`). A catalog that cannot be
 * loaded leaves the language as it is.
 */
export function useAdoptProfileLanguage(): (profileLocale: string | null | undefined) => Promise<void> {
  const { pinned, changeLocale } = useLanguage();
  return useCallback(
    async (profileLocale: string | null | undefined) => {
      if (pinned || !isLocale(profileLocale) || profileLocale === activeLocale()) return;
      try {
        await changeLocale(profileLocale);
      } catch {
        // Shown in the language already loaded; the switcher can try again.
      }
    },
    [pinned, changeLocale],
  );
}
