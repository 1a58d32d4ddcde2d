import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'wouter';
import { messageOf } from '../api/client.js';
import { http, ok } from '../api/http.js';
import { useSession } from '../session/session.js';
import { DataTable } from '../shared/DataTable.js';
import { Await, Empty } from '../shared/feedback.js';
import { usePageTitle } from '../shared/hooks.js';
import { useWrite } from '../shared/query.js';
import { formatInstant, zoneLabel } from '../time/format.js';
import { incidentStatusLabel } from './labels.js';
import { incidentPath, NEW_INCIDENT_PATH, NEW_MAINTENANCE_PATH } from './paths.js';
import { componentKeys, incidentKeys, incidentsQuery } from './queries.js';
import { impactLabel } from './staff-labels.js';
import type { Incident } from './types.js';

/** The incident console: drafts from monitoring to publish, active incidents, maintenance, and the history. */
export function IncidentsPage() {
  const intl = useIntl();
  const heading = usePageTitle(intl.formatMessage({ id: 'incidents.console.title' }));
  const { zone } = useSession();
  const unresolved = useQuery(incidentsQuery('unresolved'));
  const resolved = useQuery(incidentsQuery('resolved'));
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const publish = useWrite((incident: Incident) => ok(http.PATCH('/api/v1/incidents/{id}', { params: { path: { id: incident.id } }, body: { draft: false } })), () => [incidentKeys.all, componentKeys.all]);

  const publishDraft = async (incident: Incident) => {
    try {
      await publish.mutateAsync(incident);
      setNotice({ ok: true, text: intl.formatMessage({ id: 'incidents.console.published' }, { name: incident.name }) });
    } catch (caught) {
      setNotice({ ok: false, text: messageOf(caught) });
    }
  };

  return (
    <div className="page wide">
      <div className="page-head">
        <h1 ref={heading} tabIndex={-1}>
          <FormattedMessage id="incidents.console.title" />
        </h1>
        <div className="actions">
          <Link to={NEW_INCIDENT_PATH} className="button primary">
            <FormattedMessage id="incidents.console.newIncident" />
          </Link>
          <Link to={NEW_MAINTENANCE_PATH} className="button">
            <FormattedMessage id="incidents.console.scheduleMaintenance" />
          </Link>
        </div>
      </div>
      <p className="hint">
        <FormattedMessage id="incidents.console.zoneHint" values={{ zone: zoneLabel(zone) }} />
      </p>
      <div aria-live="polite">{notice && <p className={notice.ok ? 'notice notice-ok' : 'notice notice-error'}>{notice.text}</p>}</div>
      <Await query={unresolved} label={intl.formatMessage({ id: 'incidents.console.loading' })}>
        {({ items }) => {
          const drafts = items.filter((i) => i.draft);
          const active = items.filter((i) => !i.draft && i.kind === 'incident');
          const maintenance = items.filter((i) => !i.draft && i.kind === 'maintenance');
          return (
            <>
              {drafts.length > 0 && (
                <IncidentList
                  id="drafts"
                  heading={intl.formatMessage({ id: 'incidents.console.drafts' })}
                  listLabel={intl.formatMessage({ id: 'incidents.console.draftsList' })}
                  hint={intl.formatMessage({ id: 'incidents.console.draftsHint' })}
                  items={drafts}
                  empty=""
                  onPublish={(incident) => void publishDraft(incident)}
                />
              )}
              <IncidentList
                id="active"
                heading={intl.formatMessage({ id: 'incidents.console.active' })}
                listLabel={intl.formatMessage({ id: 'incidents.console.activeList' })}
                items={active}
                empty={intl.formatMessage({ id: 'incidents.console.noActive' })}
              />
              <IncidentList
                id="maintenance"
                heading={intl.formatMessage({ id: 'incidents.console.maintenance' })}
                listLabel={intl.formatMessage({ id: 'incidents.console.maintenanceList' })}
                items={maintenance}
                empty={intl.formatMessage({ id: 'incidents.console.noMaintenance' })}
              />
            </>
          );
        }}
      </Await>
      <Await query={resolved} label={intl.formatMessage({ id: 'incidents.console.loadingHistory' })}>
        {({ items }) => (
          <IncidentList
            id="history"
            heading={intl.formatMessage({ id: 'incidents.console.history' })}
            listLabel={intl.formatMessage({ id: 'incidents.console.historyList' })}
            items={items}
            empty={intl.formatMessage({ id: 'incidents.console.noHistory' })}
          />
        )}
      </Await>
    </div>
  );
}

function IncidentList({ id, heading, listLabel, hint, items, empty, onPublish }: { id: string; heading: string; listLabel: string; hint?: string; items: readonly Incident[]; empty: string; onPublish?: (incident: Incident) => void }) {
  const intl = useIntl();
  const { zone } = useSession();
  const columns = [
    intl.formatMessage({ id: 'incidents.console.nameColumn' }),
    intl.formatMessage({ id: 'incidents.console.statusColumn' }),
    intl.formatMessage({ id: 'incidents.console.impactColumn' }),
    intl.formatMessage({ id: 'incidents.console.componentsColumn' }),
    intl.formatMessage({ id: 'incidents.console.whenColumn' }),
    intl.formatMessage({ id: 'incidents.console.ticketsColumn' }),
    ...(onPublish ? [{ header: intl.formatMessage({ id: 'incidents.console.actionsColumn' }), hidden: true as const }] : []),
  ];
  return (
    <section aria-labelledby={`${id}-heading`} className="panel">
      <h2 id={`${id}-heading`}>{heading}</h2>
      {hint && <p className="hint">{hint}</p>}
      {items.length === 0 ? (
        <Empty>{empty}</Empty>
      ) : (
        <DataTable label={listLabel} className="incidents" columns={columns}>
          {items.map((incident) => {
            const when = incident.kind === 'maintenance' && incident.scheduled_for ? incident.scheduled_for : incident.started_at;
            return (
              <tr key={incident.id}>
                <td>
                  <Link to={incidentPath(incident.id)}>{incident.name}</Link>
                  {incident.draft && (
                    <span className="tag">
                      <FormattedMessage id="incidents.console.draftTag" values={{ source: incident.source }} />
                    </span>
                  )}
                </td>
                <td>{incidentStatusLabel(incident.status, intl)}</td>
                <td>{impactLabel(incident.impact, intl)}</td>
                <td>{incident.components.map((c) => c.name).join(', ')}</td>
                <td>
                  <time dateTime={when}>{formatInstant(when, zone)}</time>
                </td>
                <td>{incident.linked_tickets}</td>
                {onPublish && (
                  <td>
                    <button type="button" onClick={() => onPublish(incident)} aria-label={intl.formatMessage({ id: 'incidents.console.publishNamed' }, { name: incident.name })}>
                      <FormattedMessage id="incidents.console.publish" />
                    </button>
                  </td>
                )}
              </tr>
            );
          })}
        </DataTable>
      )}
    </section>
  );
}
