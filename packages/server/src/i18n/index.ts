/**
 * The languages the server speaks (emails, error messages, due-time explanations): en, pt-BR, de, es
 * and ru, with catalogs of ICU MessageFormat texts (FormatJS `intl-messageformat`, the same format the
 * web app's react-intl reads).
 *
 *   const { t } = translator(negotiateLocale(request.headers['accept-language']) ?? 'en');
 *   t('email.autoSolved.subject', { number: 42, subject: 'Webhook retries' });
 */
export { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from './locales.js';
export { matchLocale, negotiateLocale, recipientLocale } from './negotiate.js';
export { translator, type MessageValues, type Translator } from './translator.js';
export type { MessageId } from './catalogs.js';
export { formatDurationIn, formatZonedIn } from './intl-format.js';
