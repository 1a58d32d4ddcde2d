import type { Escalation } from '../api/types.js';
import { formatInstant, zoneLabel } from '../time/format.js';
import { escalationStatus } from './status.js';

interface Props {
  escalations: Escalation[];
  zone: string;
  now: number;
  /** Who raised it, as the viewer should read it (`You`, a person's name). */
  raisedBy: (userId: string | null) => string;
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

function EscalationItem({ escalation: e, zone, now, raisedBy }: { escalation: Escalation; zone: string; now: number; raisedBy: Props['raisedBy'] }) {
  const status = escalationStatus(e, now);
  return (
    <li className={`target target-${status.tone}`}>
      <div className="target-head">
        <strong>{e.via === 'growth_manager' ? 'Through the growth manager' : 'Escalated to support management'}</strong>
        <span className={`due due-${status.tone}`} data-tone={status.tone}>
          {status.text}
        </span>
      </div>
      <p>Reason: {e.reason_label}</p>
      {e.note && <p className="comment-body">Note: {e.note}</p>}
      <p className="muted">
        Raised by {raisedBy(e.raised_by)}, <time dateTime={e.raised_at}>{formatInstant(e.raised_at, zone)}</time>
      </p>
      {e.due_at ? (
        <p>
          Response {e.duration && <>within {e.duration}, </>}due <time dateTime={e.due_at}>{formatInstant(e.due_at, zone)}</time> {zoneLabel(zone, e.due_at)}
          {e.calendar_id && <span className="muted">, {calendarWords(e.calendar_id)}</span>}
        </p>
      ) : (
        <p className="muted">No response target.</p>
      )}
      {e.responded_at && (
        <p>
          Answered <time dateTime={e.responded_at}>{formatInstant(e.responded_at, zone)}</time> {zoneLabel(zone, e.responded_at)}
        </p>
      )}
    </li>
  );
}

function calendarWords(calendarId: string): string {
  return calendarId === '24x7' ? 'around the clock' : `counted on the ${calendarId} calendar`;
}
