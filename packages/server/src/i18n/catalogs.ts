import de from './messages/de.json' with { type: 'json' };
import en from './messages/en.json' with { type: 'json' };
import es from './messages/es.json' with { type: 'json' };
import ptBR from './messages/pt-BR.json' with { type: 'json' };
import ru from './messages/ru.json' with { type: 'json' };
import type { Locale } from './locales.js';

/** A message id of the server's catalogs (the ids of the English source catalog). */
export type MessageId = keyof typeof en;

/** Each locale's catalog: message id → ICU MessageFormat text. Every catalog has the ids of `en`. */
export const CATALOGS: Record<Locale, Readonly<Record<string, string>>> = { en, 'pt-BR': ptBR, de, es, ru };
