import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { Ticket } from '../api/types.js';
import { usePageTitle } from '../shared/hooks.js';
import { StatusBadge } from './targets.js';

export interface TicketFact {
  label: string;
  value: ReactNode;
}

/**
 * A ticket page's heading (it also names the browser tab) and its facts: status and priority, then
 * the `facts` of the page (the portal's plan and opening time, the console's account, assignee, channel).
 */
export function TicketHeader({ ticket, staff = false, facts }: { ticket: Ticket; staff?: boolean; facts: readonly TicketFact[] }) {
  const intl = useIntl();
  const heading = usePageTitle(intl.formatMessage({ id: 'tickets.header.title' }, { number: ticket.number, subject: ticket.subject }));
  const all: TicketFact[] = [
    { label: intl.formatMessage({ id: 'tickets.header.status' }), value: <StatusBadge status={ticket.status} staff={staff} /> },
    { label: intl.formatMessage({ id: 'tickets.header.priority' }), value: ticket.priority },
    ...facts,
  ];
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        <FormattedMessage id="tickets.header.title" values={{ number: ticket.number, subject: ticket.subject }} />
      </h1>
      <dl className="facts">
        {all.map((fact) => (
          <div key={fact.label}>
            <dt>{fact.label}</dt>
            <dd>{fact.value}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

/** Names the browser tab while a ticket's page cannot show the ticket (it could not be loaded). */
export function UnavailableTicketTitle() {
  const intl = useIntl();
  usePageTitle(intl.formatMessage({ id: 'tickets.header.unavailable' }));
  return null;
}
