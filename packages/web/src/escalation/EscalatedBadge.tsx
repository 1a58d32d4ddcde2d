import { FormattedMessage } from 'react-intl';
import type { Ticket } from '../api/types.js';
import { isEscalated } from './status.js';

/** Marks a ticket whose escalation waits for its response; its text is its accessible name. */
export function EscalatedBadge({ ticket }: { ticket: Pick<Ticket, 'escalations'> }) {
  if (!isEscalated(ticket)) return null;
  return (
    <>
      {' '}
      <span className="badge badge-escalated">
        <FormattedMessage id="escalation.badge.escalated" />
      </span>
    </>
  );
}
