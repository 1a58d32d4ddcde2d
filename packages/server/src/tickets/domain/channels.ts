import { joinOr } from './words.js';
import { success, violation, type Outcome } from './violation.js';

/** A language a pack offers support in (`LanguageData` of `@hourglass/policy`). */
export interface OfferedLanguage {
  readonly id: string;
  readonly name: string;
  readonly primary?: boolean | undefined;
}

/** What a pack version offers: the channels tickets may arrive through and the languages of its support. */
export interface SupportOffer {
  readonly channels: readonly string[];
  /** Empty: the pack names no languages, so any is accepted. */
  readonly languages: readonly OfferedLanguage[];
}

export type OfferViolationCode = 'channel_not_offered' | 'language_not_offered';

const CHANNEL_WORDS: Readonly<Record<string, string>> = {
  web: 'the web portal',
  api: 'the API',
  email: 'email',
  phone: 'the phone line',
  chat: 'chat',
};

/**
 * A ticket's channel must be one the pack offers (360dialog: only through the 360 Hub, its web
 * form and API). The refusal names the channels there are.
 */
export function checkChannel<C extends string>(offer: SupportOffer, channel: C): Outcome<C, OfferViolationCode> {
  if (offer.channels.includes(channel)) return success(channel);
  const allowed = offer.channels.map((c) => `${CHANNEL_WORDS[c] ?? c} (${c})`);
  return violation(
    'channel_not_offered',
    `This support policy takes tickets only through ${joinOr(allowed)}; "${channel}" is not one of them. Open the ticket through ${offer.channels.length === 1 ? 'it' : 'one of them'} instead.`,
    'channel',
    { id: 'ticket.channel.notOffered', values: { channel, count: offer.channels.length }, lists: { channels: { items: offer.channels, type: 'disjunction' } } },
  );
}

/**
 * The language of a ticket: the one asked for, if the pack offers it; otherwise refused with the
 * languages there are. Without a choice: the account's first language the pack offers, else the
 * pack's primary language.
 */
export function chooseLanguage(
  offer: SupportOffer,
  requested: string | null | undefined,
  accountLanguages: readonly string[],
): Outcome<string, OfferViolationCode> {
  const offered = offer.languages.map((l) => l.id);
  if (requested !== null && requested !== undefined) {
    if (offered.length === 0 || offered.includes(requested)) return success(requested);
    return violation(
      'language_not_offered',
      `Support under this policy is offered in ${joinOr(offer.languages.map((l) => `${l.name} (${l.id})`))}; "${requested}" is not one of them. Choose one of ${offered.join(', ')}.`,
      'language',
      { id: 'ticket.language.notOffered', values: { language: requested }, lists: { languages: { items: offered, type: 'disjunction' } } },
    );
  }
  if (offered.length === 0) return success(accountLanguages[0] ?? 'en');
  const fromAccount = accountLanguages.find((l) => offered.includes(l));
  const primary = offer.languages.find((l) => l.primary)?.id ?? offered[0]!;
  return success(fromAccount ?? primary);
}
