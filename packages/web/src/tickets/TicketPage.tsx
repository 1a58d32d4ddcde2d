import { useState } from 'react';
import { messageOf } from '../api/client.js';
import { http, ok } from '../api/http.js';
import type { Ticket } from '../api/types.js';
import { Link } from '../router.js';
import { useSession } from '../session/session.js';
import { formatInstant, zoneLabel } from '../time/format.js';
import { Attachments } from './attachments.js';
import { Conversation, ReplyForm } from './conversation.js';
import { Await, ErrorNotice } from '../shared/feedback.js';
import { useLoad, useNow, usePageTitle } from '../shared/hooks.js';
import { StatusBadge, TargetsPanel } from './targets.js';
import { EscalationPanel } from '../escalation/EscalationPanel.js';
import { IntakePanel } from '../intake/IntakePanel.js';
import { forgetWarnings, warningsFor } from './warnings.js';

export function TicketPage({ id }: { id: string }) {
  const loaded = useLoad((signal) => ok(http.GET('/api/v1/tickets/{id}', { params: { path: { id } }, signal })), [id]);
  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to="/portal">← My tickets</Link>
      </p>
      <Await loaded={loaded} what="the ticket">
        {(ticket) => <TicketView ticket={ticket} onChange={loaded.reload} />}
      </Await>
    </div>
  );
}

function TicketView({ ticket, onChange }: { ticket: Ticket; onChange: () => void }) {
  const heading = usePageTitle(`#${ticket.number} ${ticket.subject}`);
  const { user, zone } = useSession();
  const now = useNow();
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const warnings = warningsFor(ticket.id);
  const refresh = () => {
    setVersion((v) => v + 1);
    onChange();
  };
  const setStatus = async (status: 'solved' | 'open') => {
    setError(null);
    try {
      await ok(http.PATCH('/api/v1/tickets/{id}', { params: { path: { id: ticket.id } }, body: { status } }));
      refresh();
    } catch (caught) {
      setError(messageOf(caught));
    }
  };
  const open = ticket.status !== 'solved' && ticket.status !== 'closed';
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        #{ticket.number} {ticket.subject}
      </h1>
      <dl className="facts">
        <div>
          <dt>Status</dt>
          <dd>
            <StatusBadge status={ticket.status} />
          </dd>
        </div>
        <div>
          <dt>Priority</dt>
          <dd>{ticket.priority}</dd>
        </div>
        <div>
          <dt>Plan</dt>
          <dd>
            {ticket.plan} <span className="muted">({ticket.pack_id} {ticket.pack_version})</span>
          </dd>
        </div>
        <div>
          <dt>Opened</dt>
          <dd>
            <time dateTime={ticket.created_at}>{formatInstant(ticket.created_at, zone)}</time> {zoneLabel(zone, ticket.created_at)}
          </dd>
        </div>
      </dl>
      {warnings.length > 0 && (
        <div className="notice notice-warning" role="status">
          <p>The ticket is open. Some notes on the details you gave:</p>
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
                setSaved('Thank you: the details are complete, and the response time now counts.');
              }
              refresh();
            }}
          />
          <section aria-labelledby="description-heading" className="panel">
            <h2 id="description-heading">Description</h2>
            <p className="comment-body">{ticket.description}</p>
          </section>
          <Conversation ticketId={ticket.id} zone={zone} version={version} authorName={(id, role) => (id === user.id ? 'You' : role === 'customer' ? 'Your colleague' : 'Support')} />
          {ticket.status !== 'closed' && <ReplyForm ticketId={ticket.id} allowInternal={false} onSent={refresh} />}
          <Attachments ticketId={ticket.id} zone={zone} canUpload={ticket.status !== 'closed'} />
        </div>
        <div>
          <TargetsPanel ticket={ticket} zone={zone} now={now} />
          <EscalationPanel ticket={ticket} zone={zone} now={now} onEscalated={refresh} />
          <section aria-labelledby="actions-heading" className="panel">
            <h2 id="actions-heading">Actions</h2>
            {open ? (
              <button type="button" onClick={() => void setStatus('solved')}>
                Mark as solved
              </button>
            ) : ticket.status === 'solved' ? (
              <button type="button" onClick={() => void setStatus('open')}>
                Reopen
              </button>
            ) : (
              <p className="muted">This ticket is closed. Open a new ticket for a follow-up.</p>
            )}
          </section>
        </div>
      </div>
    </>
  );
}
