import { IntlMessageFormat, type PrimitiveType } from 'intl-messageformat';
import { CATALOGS, type MessageId } from './catalogs.js';
import { DEFAULT_LOCALE, type Locale } from './locales.js';

export type MessageValues = Record<string, PrimitiveType>;

/** Messages of one locale, formatted with their ICU arguments. */
export interface Translator {
  readonly locale: Locale;
  /** The message `id` with `values` filled in; the English text when the locale's catalog lacks it. */
  t(id: MessageId, values?: MessageValues): string;
  /** The id of the English message whose text is exactly `english` (for texts written in English elsewhere). */
  idOfEnglish(english: string): MessageId | undefined;
}

const compiled = new Map<string, IntlMessageFormat>();
let englishIds: Map<string, MessageId> | undefined;
const translators = new Map<Locale, Translator>();

function format(locale: Locale, id: MessageId, values: MessageValues | undefined): string {
  const key = `${locale}\u0000${id}`;
  let message = compiled.get(key);
  if (message === undefined) {
    const own = CATALOGS[locale][id];
    const source = own ?? CATALOGS[DEFAULT_LOCALE][id];
    if (source === undefined) throw new Error(`No message ${JSON.stringify(id)} in the catalogs.`);
    message = new IntlMessageFormat(source, own === undefined ? DEFAULT_LOCALE : locale, undefined, { ignoreTag: true });
    compiled.set(key, message);
  }
  return String(message.format(values));
}

/** The translator of `locale` (made once per locale). */
export function translator(locale: Locale): Translator {
  let found = translators.get(locale);
  if (found === undefined) {
    found = {
      locale,
      t: (id, values) => format(locale, id, values),
      idOfEnglish: (english) => {
        englishIds ??= new Map(
          (Object.keys(CATALOGS[DEFAULT_LOCALE]) as MessageId[]).filter((id) => !CATALOGS[DEFAULT_LOCALE][id]!.includes('{')).map((id) => [format(DEFAULT_LOCALE, id, undefined), id]),
        );
        return englishIds.get(english);
      },
    };
    translators.set(locale, found);
  }
  return found;
}
