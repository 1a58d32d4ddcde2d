/** An incident's or a maintenance's status in words, as the portal and the console show it. */
import type { IntlShape } from 'react-intl';
import { humanize } from '../tickets/labels.js';

export function incidentStatusLabel(status: string, intl: IntlShape): string {
  return intl.formatMessage({ id: 'incidents.labels.status' }, { status, fallback: humanize(status) });
}
