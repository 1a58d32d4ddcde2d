/** Words for the people enums the API uses (roles, presence), in the language shown. */
import { activeIntl } from '../i18n/active.js';

/** `agent`, `Agent`, `агент`: a person's role. */
export function roleLabel(role: string): string {
  return activeIntl().formatMessage({ id: 'people.labels.role' }, { role });
}

/** `available`, `verfügbar`: whether a person takes new tickets now. */
export function presenceLabel(presence: string): string {
  return activeIntl().formatMessage({ id: 'people.labels.presence' }, { presence });
}
