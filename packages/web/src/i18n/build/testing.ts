/**
 * Unit tests in Node read the catalogs from disk (there is no bundler to provide
 * `virtual:messages/*`): `await useLanguage('de')` makes German the language shown.
 */
import { fileURLToPath } from 'node:url';
import type { IntlShape } from 'react-intl';
import { loadTemporal } from '../../time/temporal.js';
import { intlFor, setActiveLanguage } from '../active.js';
import { type AppLocale, baseLocale, PSEUDO_LOCALE } from '../locales.js';
import { pseudoCatalog } from '../pseudo.js';
import { compileCatalog, loadCatalogs } from './catalogs.js';

export const WEB_SRC = fileURLToPath(new URL('../../', import.meta.url));

/** The compiled catalog of `locale`, as `virtual:messages/<locale>` gives it to the browser. */
export function compiledMessages(locale: AppLocale) {
  const catalogs = loadCatalogs(WEB_SRC);
  const compiled = compileCatalog(catalogs[baseLocale(locale)], baseLocale(locale));
  return locale === PSEUDO_LOCALE ? pseudoCatalog(compiled) : compiled;
}

/** A formatter of `locale` over the catalogs on disk. */
export function testIntl(locale: AppLocale): IntlShape {
  return intlFor(locale, compiledMessages(locale));
}

/** Makes `locale` the language shown (and Temporal ready), as the app does before its first render. */
export async function useLanguage(locale: AppLocale): Promise<IntlShape> {
  await loadTemporal();
  return setActiveLanguage(locale, compiledMessages(locale)).intl;
}
