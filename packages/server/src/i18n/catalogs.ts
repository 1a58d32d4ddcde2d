import de from './messages/de.json' with { type: 'json' };
import en from './messages/en.json' with { type: 'json' };
import es from './messages/es.json' with { type: 'json' };
import ptBR from './messages/pt-BR.json' with { type: 'json' };
import ru from './messages/ru.json' with { type: 'json' };
import incidents from './messages/incidents/index.js';
import statusPage from './messages/status-page/index.js';
import statusSubscriptions from './messages/status-subscriptions/index.js';
import availability from './messages/availability/index.js';
import type { Locale } from './locales.js';

/**
 * The features' own catalogs (`messages/<feature>/<locale>.json`, gathered by that folder's
 * `index.ts` as `{ en, 'pt-BR', de, es, ru }`), merged into the desk's. A feature's ids begin with its
 * name, so no two features share an id.
 */
const FEATURES = [availability, incidents, statusPage, statusSubscriptions] as const satisfies readonly Record<Locale, Readonly<Record<string, string>>>[];
type FeatureMessageId = (typeof FEATURES)[number] extends infer F ? (F extends { en: infer E } ? keyof E & string : never) : never;

/** A message id of the server's catalogs (the ids of the English source catalogs). */
export type MessageId = keyof typeof en | FeatureMessageId;

/** The desk's catalog of `locale` with every feature's, ids sorted as in each file. */
function merged(locale: Locale, base: Record<string, string>): Readonly<Record<string, string>> {
  const all: Record<string, string> = Object.assign({}, base, ...FEATURES.map((feature: Record<Locale, Readonly<Record<string, string>>>) => feature[locale]));
  return Object.fromEntries(Object.keys(all).sort().map((id) => [id, all[id]!]));
}

/** Each locale's catalog: message id → ICU MessageFormat text. Every catalog has the ids of `en`. */
export const CATALOGS: Record<Locale, Readonly<Record<string, string>>> = {
  en: merged('en', en),
  'pt-BR': merged('pt-BR', ptBR),
  de: merged('de', de),
  es: merged('es', es),
  ru: merged('ru', ru),
};
