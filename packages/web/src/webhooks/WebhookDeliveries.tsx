import { useQuery } from '@tanstack/react-query';
import { http, ok } from '../api/http.js';
import type { Webhook, WebhookDelivery } from '../api/types.js';
import { useSession } from '../session/session.js';
import { formatInstant, zoneLabel } from '../time/format.js';
import { Await, Empty } from '../shared/feedback.js';
import { webhookKeys } from './queries.js';
import { DataTable } from '../shared/DataTable.js';
import { OUTCOME_LABELS } from './webhook-events.js';

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

function responseText(d: WebhookDelivery): string {
  if (d.status_code !== null) return `HTTP ${d.status_code}`;
  return d.error ? `no answer: ${d.error}` : 'no answer';
}

/** The most attempts the service lists at once (its log endpoint has no further pages). */
const DELIVERY_LIMIT = 200;

/** The delivery log of one endpoint: each event's status, attempts, last response and next attempt, in the viewer's zone. */
export function WebhookDeliveries({ webhook }: { webhook: Webhook }) {
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
        <h3 id={`deliveries-${webhook.id}`}>Delivery log of {webhook.url}</h3>
        <button type="button" onClick={() => void deliveries.refetch()}>
          Refresh the log
        </button>
      </div>
      <Await query={deliveries}>
        {({ items }) => {
          const events = byEvent(items);
          if (events.length === 0) return <Empty>Nothing has been sent to this endpoint yet.</Empty>;
          return (
            <>
            {items.length >= DELIVERY_LIMIT && (
              <p className="hint" role="status">
                Showing the newest {DELIVERY_LIMIT} delivery attempts; older ones are kept in the log but not shown here.
              </p>
            )}
            <DataTable label={`Deliveries to ${webhook.url}`} caption={`Deliveries to ${webhook.url}, newest first`} columns={['Event', 'Status', 'Attempts', 'Last response', 'Last attempt', 'Next attempt']}>
              {events.map(({ eventId, eventType, attempts, latest }) => (
                <tr key={eventId}>
                  <td>
                    <code>{eventType}</code> <span className="muted small">{eventId}</span>
                  </td>
                  <td>
                    <span className={`delivery delivery-${latest.outcome}`}>{OUTCOME_LABELS[latest.outcome] ?? latest.outcome}</span>
                  </td>
                  <td>{attempts}</td>
                  <td>{responseText(latest)}</td>
                  <td>{when(latest.attempted_at)}</td>
                  <td>{latest.next_attempt_at ? when(latest.next_attempt_at) : <span className="muted">none</span>}</td>
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
