import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { messageOf } from '../api/client.js';
import { accountQuery } from '../accounts/queries.js';
import { policyQuery } from '../policy/queries.js';
import type { Ticket } from '../api/types.js';
import { EscalateForm } from './EscalateForm.js';
import { EscalationList, type Raiser } from './EscalationList.js';
import { escalationOffer } from './status.js';
import { useSession } from '../session/session.js';

interface Props {
  ticket: Ticket;
  zone: string;
  now: number;
}

/** The ticket's escalations and, where the plan (or a growth manager) allows it, the Escalate action. */
export function EscalationPanel({ ticket, zone, now }: Props) {
  const { user } = useSession();
  const intl = useIntl();
  const policy = useQuery(policyQuery(ticket.pack_id));
  const account = useQuery(accountQuery(ticket.account_id));
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState(false);
  const escalations = ticket.escalations ?? [];
  const ready = policy.isSuccess && !account.isPending;
  const version = policy.data?.versions.find((v) => v.id === ticket.pack_version);
  const offer = escalationOffer(ticket, version, account.data ?? null, intl);
  const raisedBy = (id: string | null): Raiser => ({ kind: id === user.id ? 'you' : id === null ? 'system' : 'someone' });

  return (
    <section aria-labelledby="escalation-heading" className="panel">
      <h2 id="escalation-heading">
        <FormattedMessage id="escalation.panel.heading" />
      </h2>
      {done && (
        <p className="notice notice-ok" role="status">
          <FormattedMessage id="escalation.panel.escalated" />
        </p>
      )}
      {escalations.length > 0 && <EscalationList escalations={escalations} zone={zone} now={now} raisedBy={raisedBy} />}
      {!ready ? (
        <p className="muted">
          {policy.isError ? intl.formatMessage({ id: 'escalation.panel.unknown' }, { reason: messageOf(policy.error) }) : intl.formatMessage({ id: 'escalation.panel.checking' })}
        </p>
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
          }}
        />
      ) : (
        <>
          <p>
            <FormattedMessage id="escalation.panel.invitation" />
          </p>
          <button type="button" onClick={() => setOpen(true)}>
            <FormattedMessage id="escalation.panel.escalate" />
          </button>
        </>
      )}
    </section>
  );
}
