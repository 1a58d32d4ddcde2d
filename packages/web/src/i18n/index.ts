/**
 * The web app's languages: en, pt-BR, de, es, ru (and the pseudo-locale en-XA, `?locale=en-XA`, which
 * shows every catalog text accented and bracketed so hard-coded English stands out).
 *
 * Library: react-intl (FormatJS). It formats ICU MessageFormat with intl-messageformat, the same
 * engine the server uses for emails and error messages, so one message syntax (plurals, selects,
 * arguments) holds on both sides; its catalogs can be precompiled to ASTs at build time, so the
 * browser ships no parser (measured: react-intl adds 6.7 KB gzipped without the parser, 14 KB with
 * it); and it formats dates, numbers and lists with the browser's own Intl.
 *
 * How a page uses messages:
 * 1. Put the texts in `src/<feature>/messages/<locale>.json` (en, pt-BR, de, es, ru): a flat JSON
 *    object, keys sorted, id → ICU message. Ids are `<feature>.<componentOrPage>.<key>` in lowerCamel
 *    (`tickets.queue.emptyState`). `en` is the source; the others have exactly the same ids with the
 *    same arguments (test/i18n-catalogs.test.ts checks ids, arguments, plural branches per language,
 *    and that every id is named in the code and every id named exists). Write ids out whole in the
 *    code (`id: 'tickets.queue.title'`), never assembled, so the check can find them.
 * 2. In a component: `const intl = useIntl();` then
 *    `intl.formatMessage({ id: 'tickets.queue.title' }, { count })`, or
 *    `<FormattedMessage id="tickets.queue.title" values={{ count }} />`; numbers with
 *    `intl.formatNumber`. Every text a person reads comes from a catalog: labels, titles,
 *    aria-labels, placeholders, alt texts, errors, empty states, document titles.
 * 3. Variable parts are ICU arguments and counts are plurals (`{count, plural, one {# ticket}
 *    other {# tickets}}`; Russian needs one/few/many/other, Portuguese and Spanish one/many/other);
 *    never join translated fragments.
 * 4. Dates, times, durations and due times through `src/time/` (`formatInstant`, `formatSpan`,
 *    `dueStatus`, `explainSentence`, …), which format in the language shown.
 * 5. Outside components (plain modules), `activeIntl()` from `./active.js` is the same formatter.
 *    Unit tests start in English; `await useLanguage('de')` from `./build/testing.js` switches.
 *
 * 6. A locale's catalog comes in parts (`parts.ts`): `common` before the first render, `ticket`
 *    with a ticket's pages, `staff` with the console and admin areas (the staff-only folders and
 *    the console's own texts). A page's code loads its parts with `requireMessages` (`start.ts`)
 *    beside its `import()`; the catalog test follows each area's imports and fails when a module
 *    names a text its area does not load. A new staff-only folder goes into `STAFF_FOLDERS`, texts
 *    of a new page that only a ticket's pages or the console show into `TICKET_PAGE_TEXTS` or
 *    `CONSOLE_TEXTS`.
 *
 * The Vite plugin (`build/vite-plugin.ts`) merges the catalogs per locale and part and precompiles
 * them; only the language shown is downloaded, its common part before the first render (`start.ts`). The React pieces are
 * `LanguageProvider.tsx` (the provider, `useLanguage`, `useAdoptProfileLanguage`) and
 * `LanguageSwitcher.tsx` (on every page).
 */
export { activeIntl, activeLocale } from './active.js';
export { type AppLocale, type Locale, LOCALES, NATIVE_NAMES, PSEUDO_LOCALE } from './locales.js';
export { type StartedLanguage, startLanguage } from './start.js';
