import { FormattedMessage } from 'react-intl';
import type { Escalation } from '../api/types.js';
import { EscalationList } from './EscalationList.js';
import { zoneLabel } from '../time/format.js';

interface Props {
  escalations: Escalation[];
  zone: string;
  now: number;
  nameOf: (userId: string | null) => string;
}

/** The ticket's escalations for the agent: reason, note, who raised it, the response due and where it stands. */
export function EscalationsPanel({ escalations, zone, now, nameOf }: Props) {
  if (escalations.length === 0) return null;
  return (
    <section aria-labelledby="escalations-heading" className="panel panel-escalated">
      <h2 id="escalations-heading">
        <FormattedMessage id="escalation.staffPanel.heading" />
      </h2>
      <p className="hint">
        <FormattedMessage id="escalation.staffPanel.hint" values={{ zone: zoneLabel(zone, now) }} />
      </p>
      <EscalationList escalations={escalations} zone={zone} now={now} raisedBy={(id) => (id === null ? { kind: 'system' } : { kind: 'person', name: nameOf(id) })} />
    </section>
  );
}
