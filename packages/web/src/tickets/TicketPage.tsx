import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'wouter';
import { messageOf } from '../api/client.js';
import { http, ok } from '../api/http.js';
import type { Ticket } from '../api/types.js';
import { EscalationPanel } from '../escalation/EscalationPanel.js';
import { TicketIncidents } from '../incidents/TicketIncidents.js';
import { IntakePanel } from '../intake/IntakePanel.js';
import { useSession } from '../session/session.js';
import { Await, ErrorNotice } from '../shared/feedback.js';
import { useNow } from '../shared/hooks.js';
import { useWrite } from '../shared/query.js';
import { formatInstant, zoneLabel } from '../time/format.js';
import { Attachments } from './attachments.js';
import { Conversation, ReplyForm } from './conversation.js';
import { ticketKeys, ticketQuery } from './queries.js';
import { TargetsPanel } from './targets.js';
import { TicketHeader, UnavailableTicketTitle } from './TicketHeader.js';
import { forgetWarnings, warningsFor } from './warnings.js';

export function TicketPage({ id }: { id: string }) {
  const intl = useIntl();
  const ticket = useQuery(ticketQuery(id));
  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to="/portal">
          <FormattedMessage id="tickets.ticketPage.back" />
        </Link>
      </p>
      {ticket.isError && <UnavailableTicketTitle />}
      <Await query={ticket} label={intl.formatMessage({ id: 'tickets.ticketPage.loading' })}>
        {(data) => <TicketView ticket={data} />}
      </Await>
    </div>
  );
}

function TicketView({ ticket }: { ticket: Ticket }) {
  const intl = useIntl();
  const { user, zone } = useSession();
  const now = useNow();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const warnings = warningsFor(ticket.id);
  const changeStatus = useWrite((status: 'solved' | 'open') => ok(http.PATCH('/api/v1/tickets/{id}', { params: { path: { id: ticket.id } }, body: { status } })), () => [ticketKeys.all]);
  const setStatus = async (status: 'solved' | 'open') => {
    setError(null);
    try {
      await changeStatus.mutateAsync(status);
    } catch (caught) {
      setError(messageOf(caught));
    }
  };
  const open = ticket.status !== 'solved' && ticket.status !== 'closed';
  return (
    <>
      <TicketHeader
        ticket={ticket}
        facts={[
          {
            label: intl.formatMessage({ id: 'tickets.ticketPage.plan' }),
            value: (
              <>
                {ticket.plan} <span className="muted">{intl.formatMessage({ id: 'tickets.ticketPage.planVersion' }, { pack: ticket.pack_id, version: ticket.pack_version })}</span>
              </>
            ),
          },
          {
            label: intl.formatMessage({ id: 'tickets.ticketPage.opened' }),
            value: (
              <FormattedMessage
                id="tickets.ticketPage.openedAt"
                values={{ time: <time dateTime={ticket.created_at}>{formatInstant(ticket.created_at, zone)}</time>, zone: zoneLabel(zone, ticket.created_at) }}
              />
            ),
          },
        ]}
      />
      {warnings.length > 0 && (
        <div className="notice notice-warning" role="status">
          <p>
            <FormattedMessage id="tickets.ticketPage.warnings" />
          </p>
          <ul>
            {warnings.map((w) => (
              <li key={w.path + w.message}>{w.message}</li>
            ))}
          </ul>
        </div>
      )}
      {error && <ErrorNotice message={error} />}
      {saved && (
        <p className="notice notice-ok" role="status">
          {saved}
        </p>
      )}
      <div className="columns">
        <div>
          <IntakePanel
            ticket={ticket}
            onCompleted={(updated) => {
              if (updated.intake_complete) {
                forgetWarnings(ticket.id);
                setSaved(intl.formatMessage({ id: 'tickets.ticketPage.intakeComplete' }));
              }
              void queryClient.invalidateQueries({ queryKey: ticketKeys.all });
            }}
          />
          <TicketIncidents ticketId={ticket.id} />
          <section aria-labelledby="description-heading" className="panel">
            <h2 id="description-heading">
              <FormattedMessage id="tickets.ticketPage.description" />
            </h2>
            <p className="comment-body">{ticket.description}</p>
          </section>
          <Conversation ticketId={ticket.id} zone={zone} authorName={(id, role) => intl.formatMessage({ id: 'tickets.ticketPage.author' }, { who: id === user.id ? 'you' : role === 'customer' ? 'colleague' : 'support' })} />
          {ticket.status !== 'closed' && <ReplyForm ticketId={ticket.id} allowInternal={false} />}
          <Attachments ticketId={ticket.id} zone={zone} canUpload={ticket.status !== 'closed'} />
        </div>
        <div>
          <TargetsPanel ticket={ticket} zone={zone} now={now} />
          <EscalationPanel ticket={ticket} zone={zone} now={now} />
          <section aria-labelledby="actions-heading" className="panel">
            <h2 id="actions-heading">
              <FormattedMessage id="tickets.ticketPage.actions" />
            </h2>
            {open ? (
              <button type="button" onClick={() => void setStatus('solved')}>
                <FormattedMessage id="tickets.ticketPage.markSolved" />
              </button>
            ) : ticket.status === 'solved' ? (
              <button type="button" onClick={() => void setStatus('open')}>
                <FormattedMessage id="tickets.ticketPage.reopen" />
              </button>
            ) : (
              <p className="muted">
                <FormattedMessage id="tickets.ticketPage.closed" />
              </p>
            )}
          </section>
        </div>
      </div>
    </>
  );
}
