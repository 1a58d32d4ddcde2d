import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'wouter';
import { messageOf } from '../api/client.js';
import { DataTable } from '../shared/DataTable.js';
import { Await, Empty } from '../shared/feedback.js';
import { useWrite } from '../shared/query.js';
import { statusLabel } from '../tickets/labels.js';
import { ticketKeys } from '../tickets/queries.js';
import { unlinkTicket } from './links.js';
import { consoleTicketPath } from './paths.js';
import { incidentKeys, incidentTicketsQuery } from './queries.js';
import type { Incident, LinkedTicket } from './types.js';

/** The tickets linked to an incident (each opens in the workspace), and unlinking one; tickets are linked from their workspace. */
export function LinkedTickets({ incident }: { incident: Incident }) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const tickets = useQuery(incidentTicketsQuery(incident.id));
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const affected = () => [incidentKeys.all, ticketKeys.all];
  const unlink = useWrite((ticket: LinkedTicket) => unlinkTicket(incident.id, ticket.id), affected);

  const remove = async (ticket: LinkedTicket) => {
    try {
      await unlink.mutateAsync(ticket);
      setNotice({ ok: true, text: t('incidents.detail.ticketUnlinked', { number: ticket.number }) });
    } catch (caught) {
      setNotice({ ok: false, text: messageOf(caught) });
    }
  };

  return (
    <section aria-labelledby="linked-heading" className="panel">
      <h2 id="linked-heading">
        <FormattedMessage id="incidents.detail.linkedTickets" values={{ count: incident.linked_tickets }} />
      </h2>
      <div aria-live="polite">{notice && <p className={notice.ok ? 'ok-text' : 'field-error'}>{notice.text}</p>}</div>
      <Await query={tickets} label={t('incidents.detail.loadingTickets')}>
        {({ items }) =>
          items.length === 0 ? (
            <Empty>
              <FormattedMessage id="incidents.detail.noTickets" />
            </Empty>
          ) : (
            <DataTable
              label={t('incidents.detail.linkedTicketsLabel')}
              columns={[t('incidents.detail.ticketColumn'), t('incidents.detail.accountColumn'), t('incidents.detail.ticketStatusColumn'), { header: t('incidents.detail.actionsColumn'), hidden: true }]}
            >
              {items.map((ticket) => (
                <tr key={ticket.id}>
                  <td>
                    <Link to={consoleTicketPath(ticket.id)}>{t('incidents.detail.ticketLink', { number: ticket.number, subject: ticket.subject })}</Link>
                  </td>
                  <td>{ticket.account.name}</td>
                  <td>{statusLabel(ticket.status, true, intl)}</td>
                  <td>
                    <button type="button" onClick={() => void remove(ticket)} aria-label={t('incidents.detail.unlinkNamed', { number: ticket.number })}>
                      <FormattedMessage id="incidents.detail.unlink" />
                    </button>
                  </td>
                </tr>
              ))}
            </DataTable>
          )
        }
      </Await>
      <p className="hint">
        <FormattedMessage id="incidents.detail.linkFromWorkspace" />
      </p>
    </section>
  );
}
