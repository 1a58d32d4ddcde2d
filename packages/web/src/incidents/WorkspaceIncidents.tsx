import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'wouter';
import { messageOf } from '../api/client.js';
import { FieldError } from '../shared/fields.js';
import { useWrite } from '../shared/query.js';
import { ticketKeys } from '../tickets/queries.js';
import { incidentStatusLabel } from './labels.js';
import { linkTicket } from './links.js';
import { incidentPath } from './paths.js';
import { incidentKeys, incidentsQuery, ticketIncidentsQuery } from './queries.js';

/** The workspace's "Incidents" panel: the incidents this ticket is linked to, and linking it to an active one. */
export function WorkspaceIncidents({ ticketId }: { ticketId: string }) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const linked = useQuery(ticketIncidentsQuery(ticketId));
  const active = useQuery(incidentsQuery('unresolved'));
  const [chosen, setChosen] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const link = useWrite((incidentId: string) => linkTicket(incidentId, ticketId), () => [incidentKeys.all, ticketKeys.events(ticketId)]);
  const linkedIds = new Set((linked.data?.items ?? []).map((i) => i.id));
  const choices = (active.data?.items ?? []).filter((i) => !linkedIds.has(i.id) && i.kind === 'incident');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const incident = choices.find((i) => i.id === chosen);
    if (!incident) {
      setError(t('incidents.workspace.chooseIncident'));
      return;
    }
    setError(null);
    try {
      await link.mutateAsync(incident.id);
      setChosen('');
      setNotice(t('incidents.workspace.linked', { name: incident.name }));
    } catch (caught) {
      setError(messageOf(caught));
    }
  };

  return (
    <section aria-labelledby="ticket-incidents-heading" className="panel">
      <h2 id="ticket-incidents-heading">
        <FormattedMessage id="incidents.workspace.heading" />
      </h2>
      {linked.isError && <p className="field-error">{messageOf(linked.error)}</p>}
      {linked.data && linked.data.items.length === 0 && (
        <p className="muted">
          <FormattedMessage id="incidents.workspace.none" />
        </p>
      )}
      {linked.data && linked.data.items.length > 0 && (
        <ul className="plain">
          {linked.data.items.map((incident) => (
            <li key={incident.id}>
              <Link to={incidentPath(incident.id)}>{incident.name}</Link> <span className="muted">{incidentStatusLabel(incident.status, intl)}</span>
            </li>
          ))}
        </ul>
      )}
      <div aria-live="polite">{notice && <p className="ok-text">{notice}</p>}</div>
      {choices.length > 0 && (
        <form className="inline-form" onSubmit={submit} noValidate aria-label={t('incidents.workspace.linkLabel')}>
          <label htmlFor="ticket-incident-choice">
            <FormattedMessage id="incidents.workspace.activeIncident" />
          </label>
          <select
            id="ticket-incident-choice"
            value={chosen}
            onChange={(e) => setChosen(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'ticket-incident-error' : undefined}
          >
            <option value="">{t('incidents.workspace.choose')}</option>
            {choices.map((incident) => (
              <option key={incident.id} value={incident.id}>
                {incident.draft ? t('incidents.workspace.draftOption', { name: incident.name }) : incident.name}
              </option>
            ))}
          </select>
          <button type="submit" disabled={link.isPending}>
            <FormattedMessage id="incidents.workspace.link" />
          </button>
          <FieldError id="ticket-incident-error" message={error ?? undefined} />
        </form>
      )}
    </section>
  );
}
