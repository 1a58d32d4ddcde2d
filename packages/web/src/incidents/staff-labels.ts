/** Words for the ids of components and incidents that only staff pages show. */
import type { IntlShape } from 'react-intl';
import { humanize } from '../tickets/labels.js';

export function componentStatusLabel(status: string, intl: IntlShape): string {
  return intl.formatMessage({ id: 'incidents.staffLabels.componentStatus' }, { status, fallback: humanize(status) });
}

export function impactLabel(impact: string, intl: IntlShape): string {
  return intl.formatMessage({ id: 'incidents.staffLabels.impact' }, { impact, fallback: humanize(impact) });
}

export function kindLabel(kind: string, intl: IntlShape): string {
  return intl.formatMessage({ id: 'incidents.staffLabels.kind' }, { kind });
}
