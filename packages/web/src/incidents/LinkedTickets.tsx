import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'wouter';
import { ApiError, messageOf as messageOf } from '../api/client.js';
import { DataTable } from '../shared/DataTable.js';
import { FieldError } from '../shared/fields.js';
import { Await, Empty } from '../shared/feedback.js';
import { useWrite } from '../shared/query.js';
import { statusLabel } from '../tickets/labels.js';
import { ticketKeys } from '../tickets/queries.js';
import { linkTicketNumber, unlinkTicket } from './links.js';
import { consoleTicketPath } from './paths.js';
import { incidentKeys, incidentTicketsQuery } from './queries.js';
import type { Incident, LinkedTicket } from './types.js';

/** The tickets linked to an incident (each opens in the workspace), linking one by its number, and unlinking one. */
export function LinkedTickets({ incident }: { incident: Incident }) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const tickets = useQuery(incidentTicketsQuery(incident.id));
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const affected = () => [incidentKeys.all, ticketKeys.all];
  const unlink = useWrite((ticket: LinkedTicket) => unlinkTicket(incident.id, ticket.id), affected);
  const link = useWrite((number: number) => linkTicketNumber(incident.id, number), affected);
  const [number, setNumber] = useState('');
  const [numberError, setNumberError] = useState<string | null>(null);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const wanted = Number(number.trim().replace(/^#/, ''));
    if (!/^#?\d+$/.test(number.trim()) || !Number.isSafeInteger(wanted) || wanted < 1) {
      setNumberError(t('incidents.detail.linkNumberInvalid'));
      return;
    }
    setNumberError(null);
    try {
      await link.mutateAsync(wanted);
      setNumber('');
      setNotice({ ok: true, text: t('incidents.detail.ticketLinked', { number: wanted }) });
    } catch (caught) {
      setNumberError(caught instanceof ApiError && caught.issues.length > 0 ? caught.issues.map((i) => i.message).join(' ') : messageOf(caught));
    }
  };

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
      <form className="inline-form" onSubmit={add} noValidate aria-label={t('incidents.detail.linkNumberForm')}>
        <label htmlFor="link-ticket-number">
          <FormattedMessage id="incidents.detail.linkNumberLabel" />
        </label>
        <input
          id="link-ticket-number"
          inputMode="numeric"
          size={8}
          value={number}
          onChange={(e) => {
            setNumber(e.target.value);
            setNumberError(null);
          }}
          aria-invalid={numberError ? true : undefined}
          aria-describedby={numberError ? 'link-ticket-number-error' : undefined}
        />
        <button type="submit" disabled={link.isPending}>
          <FormattedMessage id="incidents.detail.linkNumber" />
        </button>
        <FieldError id="link-ticket-number-error" message={numberError ?? undefined} />
      </form>
      <p className="hint">
        <FormattedMessage id="incidents.detail.linkFromWorkspace" />
      </p>
    </section>
  );
}
