/**
 * The language switcher on every page: each language named in its own words. The change shows at
 * once; a signed-in person's profile is saved with it, so emails and the next visit follow.
 */
import { useId, useState } from 'react';
import { useIntl } from 'react-intl';
import { http, ok } from '../api/http.js';
import { useLanguage } from './LanguageProvider.js';
import { isLocale, LOCALES, type Locale, NATIVE_NAMES } from './locales.js';

export function saveProfileLocale(locale: Locale): Promise<unknown> {
  return ok(http.PATCH('/api/v1/me', { body: { locale } }));
}

export function LanguageSwitcher({ signedIn, onSaved }: { signedIn: boolean; onSaved?: (locale: Locale) => void }) {
  const intl = useIntl();
  const { locale, changeLocale } = useLanguage();
  const id = useId();
  const [problem, setProblem] = useState<string | null>(null);

  const choose = async (value: string) => {
    if (!isLocale(value)) return;
    setProblem(null);
    try {
      await changeLocale(value);
    } catch {
      setProblem(intl.formatMessage({ id: 'i18n.switcher.notLoaded' }));
      return;
    }
    if (!signedIn) return;
    try {
      await saveProfileLocale(value);
      onSaved?.(value);
    } catch {
      setProblem(intl.formatMessage({ id: 'i18n.switcher.notSaved' }));
    }
  };

  return (
    <div className="language-switcher">
      <label htmlFor={id}>{intl.formatMessage({ id: 'i18n.switcher.label' })}</label>
      <select id={id} value={isLocale(locale) ? locale : ''} onChange={(event) => void choose(event.target.value)}>
        {!isLocale(locale) && <option value="">{locale}</option>}
        {LOCALES.map((option) => (
          <option key={option} value={option} lang={option}>
            {NATIVE_NAMES[option]}
          </option>
        ))}
      </select>
      {problem && (
        <span role="alert" className="error">
          {problem}
        </span>
      )}
    </div>
  );
}
