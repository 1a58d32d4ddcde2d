import { useQuery } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import { messageOf } from '../api/client.js';
import type { Target, Ticket } from '../api/types.js';
import { explainSentence } from '../time/explain.js';
import { dueStatus, formatInstant, formatSpan, zoneLabel } from '../time/format.js';
import { explainQuery } from './queries.js';
import { metricLabel, statusLabel } from './labels.js';

export function StatusBadge({ status, staff = false }: { status: string; staff?: boolean }) {
  const intl = useIntl();
  return <span className={`status status-${status}`}>{statusLabel(status, staff, intl)}</span>;
}

/** A countdown (or met / paused / no SLA) coloured by how close the breach is. */
export function TargetBadge({ target, now }: { target: Target; now: number }) {
  const intl = useIntl();
  const due = dueStatus(target, now, intl);
  return (
    <span className={`due due-${due.tone}`} data-tone={due.tone}>
      <FormattedMessage id="tickets.targets.badge" values={{ metric: metricLabel(target.metric, intl), due: due.text }} />
    </span>
  );
}

/** The due times of a ticket in the viewer's zone, with countdowns and why each due time is what it is. */
export function TargetsPanel({ ticket, zone, now }: { ticket: Ticket; zone: string; now: number }) {
  return (
    <section aria-labelledby="targets-heading" className="panel">
      <h2 id="targets-heading">
        <FormattedMessage id="tickets.targets.heading" />
      </h2>
      {ticket.targets.length === 0 ? (
        <p>
          <FormattedMessage id="tickets.targets.none" />
        </p>
      ) : (
        <ul className="targets">
          {ticket.targets.map((target) => (
            <TargetItem key={target.metric} ticket={ticket} target={target} zone={zone} now={now} />
          ))}
        </ul>
      )}
      <p className="hint">
        <FormattedMessage id="tickets.targets.zoneHint" values={{ zone: zoneLabel(zone, now) }} />
      </p>
    </section>
  );
}

function TargetItem({ ticket, target, zone, now }: { ticket: Ticket; target: Target; zone: string; now: number }) {
  const due = dueStatus(target, now);
  return (
    <li className={`target target-${due.tone}`}>
      <div className="target-head">
        <strong>{metricLabel(target.metric)}</strong>
        {target.duration_ms !== null && (
          <span className="muted">
            {' '}
            <FormattedMessage id="tickets.targets.within" values={{ span: formatSpan(target.duration_ms) }} />
          </span>
        )}
        <span className={`due due-${due.tone}`} data-tone={due.tone}>
          {due.text}
        </span>
      </div>
      {target.due_at && (
        <p>
          <FormattedMessage
            id="tickets.targets.dueAt"
            values={{ time: <time dateTime={target.due_at}>{formatInstant(target.due_at, zone)}</time>, zone: zoneLabel(zone, target.due_at) }}
          />
        </p>
      )}
      {target.met_at && (
        <p>
          <FormattedMessage
            id="tickets.targets.metAt"
            values={{ time: <time dateTime={target.met_at}>{formatInstant(target.met_at, zone)}</time>, zone: zoneLabel(zone, target.met_at) }}
          />
        </p>
      )}
      {target.state === 'paused' && (
        <p>
          <FormattedMessage id="tickets.targets.paused" values={{ status: ticket.status }} />
        </p>
      )}
      {target.due_at && target.explain_url && <ExplainLine ticketId={ticket.id} metric={target.metric} dueAt={target.due_at} />}
    </li>
  );
}

/** Why a target is due when it is (the target's `explain_url`). */
function ExplainLine({ ticketId, metric, dueAt }: { ticketId: string; metric: string; dueAt: string }) {
  const intl = useIntl();
  const explanation = useQuery(explainQuery(ticketId, metric, dueAt));
  if (explanation.isPending) return <p className="muted">{intl.formatMessage({ id: 'tickets.targets.explaining' })}</p>;
  if (explanation.isError) return <p className="muted">{intl.formatMessage({ id: 'tickets.targets.explainFailed' }, { reason: messageOf(explanation.error) })}</p>;
  const sentence = explainSentence(explanation.data);
  if (!sentence) return null;
  return (
    <p className="explain">
      {sentence} <span className="muted">{intl.formatMessage({ id: 'tickets.targets.explainZone' }, { zone: explanation.data.zone, calendar: explanation.data.calendar })}</span>
    </p>
  );
}
