/** The incidents feature's refusals, each a message of its catalog (`messages/incidents/`). */
import { type Actor, isStaff } from '../auth/actor.js';
import { AppError, type LocalizedText, textIn } from '../errors.js';
import { DEFAULT_LOCALE, type MessageId, type MessageValues } from '../i18n/index.js';

export const componentNotFound = (): AppError => AppError.translated('not_found', { id: 'incidents.error.notFound.component' });
export const groupNotFound = (): AppError => AppError.translated('not_found', { id: 'incidents.error.notFound.group' });
export const incidentNotFound = (): AppError => AppError.translated('not_found', { id: 'incidents.error.notFound.incident' });

/** Agents, managers and admins of the provider; customers are refused. */
export function requireStaff(actor: Actor): void {
  if (!isStaff(actor)) throw AppError.translated('forbidden', { id: 'incidents.error.staffOnly', values: { role: actor.role } });
}

/** A 400 naming the field that is wrong, with a message of the catalog. */
export function invalidField(path: string, id: MessageId, values?: MessageValues): AppError {
  const text: LocalizedText = values ? { id, values } : { id };
  return new AppError('validation_failed', undefined, [{ path, message: textIn(text, DEFAULT_LOCALE), text }]);
}
