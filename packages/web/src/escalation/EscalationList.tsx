import { readDuration } from '@hourglass/rules';
import type { ReactNode } from 'react';
import { FormattedMessage, type IntlShape, useIntl } from 'react-intl';
import type { Escalation } from '../api/types.js';
import { formatInstant, formatSpan, zoneLabel } from '../time/format.js';
import { escalationStatus } from './status.js';

/** Who raised an escalation, as the viewer should read it: themselves, the service, a named person, or someone they may not see. */
export type Raiser = { kind: 'you' } | { kind: 'system' } | { kind: 'someone' } | { kind: 'person'; name: string };

interface Props {
  escalations: Escalation[];
  zone: string;
  now: number;
  raisedBy: (userId: string | null) => Raiser;
}

/** A ticket's escalations, newest first: reason, note, who raised it, the response target and where it stands. */
export function EscalationList({ escalations, zone, now, raisedBy }: Props) {
  return (
    <ul className="escalations">
      {[...escalations].reverse().map((escalation) => (
        <EscalationItem key={escalation.id} escalation={escalation} zone={zone} now={now} raisedBy={raisedBy} />
      ))}
    </ul>
  );
}

/** A policy duration (`1h`, `30min`) in the language shown; as written when it cannot be read. */
export function durationText(duration: string, intl: IntlShape): string {
  const ms = readDuration(duration);
  return ms === null ? duration : formatSpan(ms, 'narrow', { intl });
}

function EscalationItem({ escalation: e, zone, now, raisedBy }: { escalation: Escalation; zone: string; now: number; raisedBy: Props['raisedBy'] }) {
  const intl = useIntl();
  const status = escalationStatus(e, now, intl);
  const raiser = raisedBy(e.raised_by);
  const time = (at: string) => (text: ReactNode[]) => <time dateTime={at}>{text}</time>;
  return (
    <li className={`target target-${status.tone}`}>
      <div className="target-head">
        <strong>
          <FormattedMessage id="escalation.list.via" values={{ via: e.via }} />
        </strong>
        <span className={`due due-${status.tone}`} data-tone={status.tone}>
          {status.text}
        </span>
      </div>
      <p>
        <FormattedMessage id="escalation.list.reason" values={{ reason: e.reason_label }} />
      </p>
      {e.note && (
        <p className="comment-body">
          <FormattedMessage id="escalation.list.note" values={{ note: e.note }} />
        </p>
      )}
      <p className="muted">
        <FormattedMessage
          id="escalation.list.raisedBy"
          values={{ raiser: raiser.kind, name: raiser.kind === 'person' ? raiser.name : '', at: formatInstant(e.raised_at, zone), time: time(e.raised_at) }}
        />
      </p>
      {e.due_at ? (
        <p>
          <FormattedMessage
            id="escalation.list.responseDue"
            values={{
              within: e.duration ? 'yes' : 'no',
              duration: e.duration ? durationText(e.duration, intl) : '',
              due: formatInstant(e.due_at, zone),
              zone: zoneLabel(zone, e.due_at),
              counted: e.calendar_id === null ? 'none' : e.calendar_id === '24x7' ? 'aroundTheClock' : 'calendar',
              calendar: e.calendar_id ?? '',
              time: time(e.due_at),
              muted: (text: ReactNode[]) => <span className="muted">{text}</span>,
            }}
          />
        </p>
      ) : (
        <p className="muted">
          <FormattedMessage id="escalation.list.noTarget" />
        </p>
      )}
      {e.responded_at && (
        <p>
          <FormattedMessage id="escalation.list.answered" values={{ at: formatInstant(e.responded_at, zone), zone: zoneLabel(zone, e.responded_at), time: time(e.responded_at) }} />
        </p>
      )}
    </li>
  );
}
