/** The words of a pack's enums (metric kinds, clock starts, channels, ticket statuses) and its lists, in the language shown. */
import type { IntlShape } from 'react-intl';

/** `a, b, c` (`a, b und c` in German): names and codes listed in a sentence. */
export function listOf(intl: IntlShape, items: readonly string[]): string {
  return intl.formatList(items, { type: 'conjunction', style: 'narrow' });
}

/** `first response`, `resolution`, …; an unknown kind as its id. */
export function metricKindLabel(intl: IntlShape, kind: string): string {
  return intl.formatMessage({ id: 'policy.labels.metricKind' }, { kind });
}

/** `pending`, `on hold`, …: the statuses that pause a metric, as `pending or on hold`. */
export function pausingStatuses(intl: IntlShape, statuses: readonly string[]): string {
  return intl.formatList(
    statuses.map((status) => intl.formatMessage({ id: 'policy.labels.status' }, { status })),
    { type: 'disjunction' },
  );
}

/** `email`, `chat`, …: the channels a version gives no guarantee on. */
export function channelsText(intl: IntlShape, channels: readonly string[]): string {
  return listOf(
    intl,
    channels.map((channel) => intl.formatMessage({ id: 'policy.labels.channel' }, { channel })),
  );
}
