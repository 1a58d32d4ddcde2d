import { useQuery } from '@tanstack/react-query';
import { FormattedMessage, type IntlShape, useIntl } from 'react-intl';
import { http, ok } from '../api/http.js';
import type { Webhook, WebhookDelivery } from '../api/types.js';
import { useSession } from '../session/session.js';
import { formatInstant, zoneLabel } from '../time/format.js';
import { Await, Empty } from '../shared/feedback.js';
import { webhookKeys } from './queries.js';
import { DataTable } from '../shared/DataTable.js';
import { outcomeLabel } from './webhook-events.js';

/** One event's deliveries: its latest attempt and how many were made. */
export interface DeliveredEvent {
  eventId: string;
  eventType: string;
  attempts: number;
  latest: WebhookDelivery;
}

/** The log (newest attempt first) grouped by event, newest event first. */
export function byEvent(log: WebhookDelivery[]): DeliveredEvent[] {
  const events = new Map<string, DeliveredEvent>();
  for (const attempt of log) {
    const seen = events.get(attempt.event_id);
    if (!seen) events.set(attempt.event_id, { eventId: attempt.event_id, eventType: attempt.event_type, attempts: attempt.attempt, latest: attempt });
    else {
      seen.attempts = Math.max(seen.attempts, attempt.attempt);
      if (attempt.attempt > seen.latest.attempt) seen.latest = attempt;
    }
  }
  return [...events.values()];
}

function responseText(intl: IntlShape, d: WebhookDelivery): string {
  if (d.status_code !== null) return intl.formatMessage({ id: 'webhooks.deliveries.status' }, { status: d.status_code });
  return d.error ? intl.formatMessage({ id: 'webhooks.deliveries.noAnswerBecause' }, { error: d.error }) : intl.formatMessage({ id: 'webhooks.deliveries.noAnswer' });
}

/** The most attempts the service lists at once (its log endpoint has no further pages). */
const DELIVERY_LIMIT = 200;

/** The delivery log of one endpoint: each event's status, attempts, last response and next attempt, in the viewer's zone. */
export function WebhookDeliveries({ webhook }: { webhook: Webhook }) {
  const intl = useIntl();
  const { zone } = useSession();
  const deliveries = useQuery({
    queryKey: webhookKeys.deliveries(webhook.id, DELIVERY_LIMIT),
    queryFn: ({ signal }) => ok(http.GET('/api/v1/webhooks/{id}/deliveries', { params: { path: { id: webhook.id }, query: { limit: DELIVERY_LIMIT } }, signal })),
  });
  const when = (at: string) => (
    <time dateTime={at}>
      {formatInstant(at, zone)} {zoneLabel(zone, at)}
    </time>
  );
  return (
    <section className="deliveries" aria-labelledby={`deliveries-${webhook.id}`}>
      <div className="page-head">
        <h3 id={`deliveries-${webhook.id}`}>
          <FormattedMessage id="webhooks.deliveries.heading" values={{ url: webhook.url }} />
        </h3>
        <button type="button" onClick={() => void deliveries.refetch()}>
          <FormattedMessage id="webhooks.deliveries.refresh" />
        </button>
      </div>
      <Await query={deliveries} label={intl.formatMessage({ id: 'webhooks.deliveries.loading' })}>
        {({ items }) => {
          const events = byEvent(items);
          if (events.length === 0) {
            return (
              <Empty>
                <FormattedMessage id="webhooks.deliveries.empty" />
              </Empty>
            );
          }
          return (
            <>
            {items.length >= DELIVERY_LIMIT && (
              <p className="hint" role="status">
                <FormattedMessage id="webhooks.deliveries.limited" values={{ count: DELIVERY_LIMIT }} />
              </p>
            )}
            <DataTable
              label={intl.formatMessage({ id: 'webhooks.deliveries.label' }, { url: webhook.url })}
              caption={intl.formatMessage({ id: 'webhooks.deliveries.caption' }, { url: webhook.url })}
              columns={[
                intl.formatMessage({ id: 'webhooks.deliveries.eventColumn' }),
                intl.formatMessage({ id: 'webhooks.deliveries.statusColumn' }),
                intl.formatMessage({ id: 'webhooks.deliveries.attemptsColumn' }),
                intl.formatMessage({ id: 'webhooks.deliveries.lastResponseColumn' }),
                intl.formatMessage({ id: 'webhooks.deliveries.lastAttemptColumn' }),
                intl.formatMessage({ id: 'webhooks.deliveries.nextAttemptColumn' }),
              ]}
            >
              {events.map(({ eventId, eventType, attempts, latest }) => (
                <tr key={eventId}>
                  <td>
                    <code>{eventType}</code> <span className="muted small">{eventId}</span>
                  </td>
                  <td>
                    <span className={`delivery delivery-${latest.outcome}`}>{outcomeLabel(latest.outcome, intl)}</span>
                  </td>
                  <td>{intl.formatNumber(attempts)}</td>
                  <td>{responseText(intl, latest)}</td>
                  <td>{when(latest.attempted_at)}</td>
                  <td>{latest.next_attempt_at ? when(latest.next_attempt_at) : <span className="muted">{intl.formatMessage({ id: 'webhooks.deliveries.noNextAttempt' })}</span>}</td>
                </tr>
              ))}
            </DataTable>
            </>
          );
        }}
      </Await>
    </section>
  );
}
