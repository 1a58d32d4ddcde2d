import { useState } from 'react';
import { http, ok } from '../api/http.js';
import type { Ticket } from '../api/types.js';
import { EscalateForm } from './EscalateForm.js';
import { EscalationList } from './EscalationList.js';
import { escalationOffer } from './status.js';
import { useSession } from '../session/session.js';
import { useLoad } from '../shared/hooks.js';

interface Props {
  ticket: Ticket;
  zone: string;
  now: number;
  onEscalated: () => void;
}

/** The ticket's escalations and, where the plan (or a growth manager) allows it, the Escalate action. */
export function EscalationPanel({ ticket, zone, now, onEscalated }: Props) {
  const { user } = useSession();
  const policy = useLoad((signal) => ok(http.GET('/api/v1/policies/{pack}', { params: { path: { pack: ticket.pack_id } }, signal })), [ticket.pack_id]);
  const account = useLoad((signal) => ok(http.GET('/api/v1/accounts/{id}', { params: { path: { id: ticket.account_id } }, signal })), [ticket.account_id]);
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState(false);
  const escalations = ticket.escalations ?? [];
  const ready = policy.status === 'ready' && account.status !== 'loading';
  const version = policy.status === 'ready' ? policy.data.versions.find((v) => v.id === ticket.pack_version) : undefined;
  const offer = escalationOffer(ticket, version, account.status === 'ready' ? account.data : null);
  const raisedBy = (id: string | null) => (id === user.id ? 'you' : id === null ? 'the system' : 'someone else');

  return (
    <section aria-labelledby="escalation-heading" className="panel">
      <h2 id="escalation-heading">Escalation</h2>
      {done && (
        <p className="notice notice-ok" role="status">
          The ticket is escalated; support management was alerted at once.
        </p>
      )}
      {escalations.length > 0 && <EscalationList escalations={escalations} zone={zone} now={now} raisedBy={raisedBy} />}
      {!ready ? (
        <p className="muted">{policy.status === 'error' ? `Whether this ticket can be escalated is not known: ${policy.message}` : 'Checking whether this ticket can be escalated…'}</p>
      ) : offer.unavailable !== null ? (
        <p className="muted">{offer.unavailable}</p>
      ) : open ? (
        <EscalateForm
          ticketId={ticket.id}
          offer={offer}
          onCancel={() => setOpen(false)}
          onDone={() => {
            setOpen(false);
            setDone(true);
            onEscalated();
          }}
        />
      ) : (
        <>
          <p>If the ticket is not moving, or a critical blocker needs attention now, escalate it.</p>
          <button type="button" onClick={() => setOpen(true)}>
            Escalate
          </button>
        </>
      )}
    </section>
  );
}
