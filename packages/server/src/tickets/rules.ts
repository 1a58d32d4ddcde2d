import { AppError, type ErrorCode, type LocalizedText } from '../errors.js';
import { type CatalogPackVersion, defaultPriorityOf } from '../policy/catalog.js';
import type { MessageId } from '../i18n/index.js';
import { checkChannel, chooseLanguage, type Outcome, type OfferViolationCode, type PriorityCatalog, type RuleText } from './domain/index.js';

/** The pack version's priorities, as the ticket rules read them. */
export function priorityCatalogOf(version: CatalogPackVersion): PriorityCatalog {
  return {
    priorities: version.priorities.map((p) => ({
      id: p.id,
      name: p.name,
      restrictions: { production_only: p.production_only === true },
      restriction_reason: p.restriction_reason,
    })),
    defaultPriority: defaultPriorityOf(version),
  };
}

/** The value of an outcome of the ticket rules, or the rule's message as an error on `path`. */
export function unwrap<T>(outcome: Outcome<T, ErrorCode>, path: string): T {
  if (outcome.ok) return outcome.value;
  const { code, message } = outcome.violation;
  const text = textOf(outcome.violation.text);
  throw new AppError(code, message, [{ path, message, ...(text ? { text } : {}) }], text);
}

/** A rule's message as a catalog entry (the rules name the server catalogs' ids). */
function textOf(text: RuleText | undefined): LocalizedText | undefined {
  return text && { id: text.id as MessageId, ...(text.values ? { values: text.values } : {}), ...(text.lists ? { lists: text.lists } : {}) };
}

/**
 * The channel and language of a new ticket, as the pack version offers them; a channel or language
 * it does not offer is a 400 on that field that lists what is allowed.
 */
export function offeredChannelAndLanguage<C extends string>(
  version: CatalogPackVersion,
  request: { channel: C; language: string | undefined; accountLanguages: readonly string[] },
): { channel: C; language: string } {
  return {
    channel: unwrapOffer(checkChannel(version, request.channel), 'body.channel'),
    language: offeredLanguage(version, request.language, request.accountLanguages),
  };
}

/** A ticket's language as the pack version offers it (a language it lacks is a 400 on `body.language`). */
export function offeredLanguage(version: CatalogPackVersion, requested: string | undefined, accountLanguages: readonly string[]): string {
  return unwrapOffer(chooseLanguage(version, requested, accountLanguages), 'body.language');
}

function unwrapOffer<T>(outcome: Outcome<T, OfferViolationCode>, path: string): T {
  if (outcome.ok) return outcome.value;
  const text = textOf(outcome.violation.text);
  throw new AppError('validation_failed', outcome.violation.message, [{ path, message: outcome.violation.message, ...(text ? { text } : {}) }], text);
}
