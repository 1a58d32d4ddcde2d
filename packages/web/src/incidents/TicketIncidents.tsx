import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { messageOf } from '../api/client.js';
import { http, idempotent, ok } from '../api/http.js';
import { useSession } from '../session/session.js';
import { useActionKey } from '../shared/hooks.js';
import { useWrite } from '../shared/query.js';
import { ticketKeys } from '../tickets/queries.js';
import { formatInstant } from '../time/format.js';
import { incidentStatusLabel } from './labels.js';
import { incidentKeys, ticketIncidentsQuery } from './queries.js';

/**
 * On the customer's ticket: the incidents it is linked to, with their status and the public page to
 * follow, each one's Reason For Outage once published, and asking for the RFO on this ticket.
 */
export function TicketIncidents({ ticketId }: { ticketId: string }) {
  const intl = useIntl();
  const { zone } = useSession();
  const incidents = useQuery(ticketIncidentsQuery(ticketId));
  const [answer, setAnswer] = useState<{ ok: boolean; lines: string[] } | null>(null);
  const action = useActionKey();
  const ask = useWrite(
    (key: string) => ok(http.POST('/api/v1/tickets/{id}/rfo-request', { params: { path: { id: ticketId } }, body: {}, headers: idempotent(key) })),
    () => [incidentKeys.ofTicket(ticketId), ticketKeys.comments(ticketId), ticketKeys.events(ticketId)],
  );
  const items = incidents.data?.items ?? [];
  if (items.length === 0) return null;

  const askForRfo = async () => {
    setAnswer(null);
    try {
      // A retry after a lost answer resends the same key, so the request is recorded once.
      const result = await action.run((key) => ask.mutateAsync(key));
      setAnswer({ ok: true, lines: result.items.map((item) => intl.formatMessage({ id: 'incidents.ticket.rfoRequested' }, { outcome: item.outcome, name: item.name })) });
    } catch (caught) {
      setAnswer({ ok: false, lines: [messageOf(caught)] });
    }
  };

  return (
    <section aria-labelledby="ticket-incidents-heading" className="panel">
      <h2 id="ticket-incidents-heading">
        <FormattedMessage id="incidents.ticket.heading" values={{ count: items.length }} />
      </h2>
      {items.map((incident) => (
        <article key={incident.id} className="incident" aria-labelledby={`incident-${incident.id}`}>
          <h3 id={`incident-${incident.id}`}>{incident.name}</h3>
          <p>
            <FormattedMessage id="incidents.ticket.status" values={{ status: incidentStatusLabel(incident.status, intl) }} />{' '}
            <a href={incident.public_url}>
              <FormattedMessage id="incidents.ticket.follow" />
            </a>
          </p>
          {incident.rfo?.published_at && (
            <div role="region" aria-labelledby={`rfo-${incident.id}`}>
              <h4 id={`rfo-${incident.id}`}>
                <FormattedMessage id="incidents.ticket.rfo" />
              </h4>
              <p className="muted small">
                <FormattedMessage id="incidents.ticket.rfoPublished" values={{ time: <time dateTime={incident.rfo.published_at}>{formatInstant(incident.rfo.published_at, zone)}</time> }} />
              </p>
              {/* Rendered by the service from Markdown, without raw HTML and with safe links only. */}
              <div className="rfo" dangerouslySetInnerHTML={{ __html: incident.rfo.html }} />
            </div>
          )}
        </article>
      ))}
      <div className="actions">
        <button type="button" onClick={() => void askForRfo()} disabled={ask.isPending} aria-describedby="rfo-request-hint">
          <FormattedMessage id="incidents.ticket.askForRfo" />
        </button>
      </div>
      <p id="rfo-request-hint" className="hint">
        <FormattedMessage id="incidents.ticket.askForRfoHint" />
      </p>
      <div aria-live="polite">
        {answer && (
          <div className={answer.ok ? 'notice notice-ok' : 'notice notice-error'}>
            {answer.lines.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </div>
        )}
      </div>
    </section>
  );
}

