/**
 * Words for the ids the API uses, in the language shown. Components pass their `useIntl()` so
 * they show the new words as soon as the person switches languages.
 */
import type { IntlShape } from 'react-intl';
import { activeIntl } from '../i18n/active.js';

/** An id nobody has words for yet, made readable (`on_hold` → `On hold`). */
export function humanize(id: string): string {
  const text = id.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The ticket statuses, in the order a ticket usually moves through them. */
export const STATUSES = ['new', 'open', 'pending', 'on_hold', 'solved', 'closed'] as const;

/** A status as the customer reads it (`pending`: waiting on you) or, with `staff`, as staff read it. */
export function statusLabel(status: string, staff = false, intl: IntlShape = activeIntl()): string {
  return staff
    ? intl.formatMessage({ id: 'tickets.labels.staffStatus' }, { status, fallback: humanize(status) })
    : intl.formatMessage({ id: 'tickets.labels.status' }, { status, fallback: humanize(status) });
}

/** A response target's metric (`first_response` → `First response`). */
export function metricLabel(metric: string, intl: IntlShape = activeIntl()): string {
  return intl.formatMessage({ id: 'tickets.labels.metric' }, { metric, fallback: humanize(metric) });
}

/** What happened to a ticket, as its history names it. */
export function eventLabel(type: string): string {
  return activeIntl().formatMessage({ id: 'tickets.labels.event' }, { type, fallback: humanize(type) });
}

/** A ticket field named in the history (`assignee_id` → `assignee`). */
export function fieldLabel(field: string): string {
  return activeIntl().formatMessage({ id: 'tickets.labels.field' }, { field, fallback: field.replace(/_/g, ' ') });
}
