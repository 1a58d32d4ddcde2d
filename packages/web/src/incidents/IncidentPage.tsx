import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'wouter';
import { messageOf } from '../api/client.js';
import { http, ok } from '../api/http.js';
import { useSession } from '../session/session.js';
import { Await } from '../shared/feedback.js';
import { usePageTitle } from '../shared/hooks.js';
import { useWrite } from '../shared/query.js';
import { formatInstant, zoneLabel } from '../time/format.js';
import { EditIncident } from './EditIncident.js';
import { incidentStatusLabel } from './labels.js';
import { LinkedTickets } from './LinkedTickets.js';
import { INCIDENTS_PATH } from './paths.js';
import { componentKeys, incidentKeys, incidentQuery } from './queries.js';
import { RfoEditor } from './RfoEditor.js';
import { componentStatusLabel, impactLabel, kindLabel } from './staff-labels.js';
import { isFinished } from './statuses.js';
import type { Incident } from './types.js';
import { UpdateForm } from './UpdateForm.js';

/** One incident or maintenance: what it is, its timeline, a new update, its tickets, and after resolution its RFO. */
export function IncidentPage({ id }: { id: string }) {
  const intl = useIntl();
  const incident = useQuery(incidentQuery(id));
  return (
    <div className="page wide">
      <p className="breadcrumb">
        <Link to={INCIDENTS_PATH}>
          <FormattedMessage id="incidents.console.back" />
        </Link>
      </p>
      <Await query={incident} label={intl.formatMessage({ id: 'incidents.detail.loading' })}>
        {(data) => <IncidentView incident={data} />}
      </Await>
    </div>
  );
}

function IncidentView({ incident }: { incident: Incident }) {
  const intl = useIntl();
  const { zone } = useSession();
  const heading = usePageTitle(incident.name);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const publish = useWrite(() => ok(http.PATCH('/api/v1/incidents/{id}', { params: { path: { id: incident.id } }, body: { draft: false } })), () => [incidentKeys.all, componentKeys.all]);
  const finished = isFinished(incident);
  const time = (instant: string) => <time dateTime={instant}>{formatInstant(instant, zone)}</time>;

  const publishDraft = async () => {
    try {
      await publish.mutateAsync(undefined);
      setNotice({ ok: true, text: intl.formatMessage({ id: 'incidents.detail.published' }) });
    } catch (caught) {
      setNotice({ ok: false, text: messageOf(caught) });
    }
  };

  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {incident.name}
      </h1>
      <div aria-live="polite">{notice && <p className={notice.ok ? 'notice notice-ok' : 'notice notice-error'}>{notice.text}</p>}</div>
      {incident.draft && (
        <div className="notice notice-warning" role="group" aria-labelledby="draft-text">
          <p id="draft-text">
            <FormattedMessage id="incidents.detail.draft" values={{ source: incident.source }} />
          </p>
          <button type="button" className="primary" onClick={() => void publishDraft()}>
            <FormattedMessage id="incidents.detail.publish" />
          </button>
        </div>
      )}
      <dl className="facts">
        <div>
          <dt>
            <FormattedMessage id="incidents.detail.kind" />
          </dt>
          <dd>{kindLabel(incident.kind, intl)}</dd>
        </div>
        <div>
          <dt>
            <FormattedMessage id="incidents.detail.status" />
          </dt>
          <dd>{incidentStatusLabel(incident.status, intl)}</dd>
        </div>
        {incident.kind === 'incident' && (
          <div>
            <dt>
              <FormattedMessage id="incidents.detail.impact" />
            </dt>
            <dd>{impactLabel(incident.impact, intl)}</dd>
          </div>
        )}
        {incident.scheduled_for && incident.scheduled_until && (
          <div>
            <dt>
              <FormattedMessage id="incidents.detail.window" />
            </dt>
            <dd>
              <FormattedMessage id="incidents.detail.windowValue" values={{ from: time(incident.scheduled_for), until: time(incident.scheduled_until), zone: zoneLabel(zone, incident.scheduled_for) }} />
            </dd>
          </div>
        )}
        {incident.status !== 'scheduled' && (
          <div>
            <dt>
              <FormattedMessage id="incidents.detail.started" />
            </dt>
            <dd>{time(incident.started_at)}</dd>
          </div>
        )}
        {incident.resolved_at && (
          <div>
            <dt>
              <FormattedMessage id="incidents.detail.resolved" />
            </dt>
            <dd>{time(incident.resolved_at)}</dd>
          </div>
        )}
        {!incident.draft && (
          <div>
            <dt>
              <FormattedMessage id="incidents.detail.publicPage" />
            </dt>
            <dd>
              <a href={incident.public_url}>
                <FormattedMessage id="incidents.detail.publicPageLink" />
              </a>
            </dd>
          </div>
        )}
      </dl>
      <p className="hint">
        <FormattedMessage id="incidents.console.zoneHint" values={{ zone: zoneLabel(zone) }} />
      </p>
      <EditIncident key={`${incident.name}|${incident.impact}`} incident={incident} onSaved={(text) => setNotice({ ok: true, text })} />
      <div className="columns">
        <div>
          {!finished && <UpdateForm incident={incident} />}
          <Timeline incident={incident} />
          {finished && incident.kind === 'incident' && <RfoEditor incident={incident} />}
        </div>
        <div>
          <section aria-labelledby="components-heading" className="panel">
            <h2 id="components-heading">
              <FormattedMessage id="incidents.detail.components" />
            </h2>
            {incident.components.length === 0 ? (
              <p className="muted">
                <FormattedMessage id="incidents.detail.noComponents" />
              </p>
            ) : (
              <ul className="plain">
                {incident.components.map((c) => (
                  <li key={c.id}>
                    <FormattedMessage id="incidents.detail.componentStatus" values={{ component: c.name, status: componentStatusLabel(c.status, intl) }} />
                  </li>
                ))}
              </ul>
            )}
          </section>
          <LinkedTickets incident={incident} />
        </div>
      </div>
    </>
  );
}

/** The updates, newest first, each with who wrote it and what it changed on components. */
function Timeline({ incident }: { incident: Incident }) {
  const intl = useIntl();
  const { zone } = useSession();
  const updates = [...incident.updates].sort((a, b) => Date.parse(b.display_at) - Date.parse(a.display_at));
  return (
    <section aria-labelledby="timeline-heading" className="panel">
      <h2 id="timeline-heading">
        <FormattedMessage id="incidents.detail.timeline" />
      </h2>
      <ol className="plain comments timeline">
        {updates.map((update) => (
          <li key={update.id} className="comment">
            <p className="comment-meta">
              <strong>{incidentStatusLabel(update.status, intl)}</strong>{' '}
              <FormattedMessage
                id="incidents.detail.updateMeta"
                values={{ time: <time dateTime={update.display_at}>{formatInstant(update.display_at, zone)}</time>, author: update.author?.name ?? '', hasAuthor: update.author ? 'yes' : 'no' }}
              />
            </p>
            <p className="comment-body">{update.body}</p>
            {update.affected_components.length > 0 && (
              <ul className="plain small muted">
                {update.affected_components.map((change) => (
                  <li key={change.code}>
                    <FormattedMessage
                      id="incidents.detail.componentChange"
                      values={{ component: change.name, from: componentStatusLabel(change.old_status, intl), to: componentStatusLabel(change.new_status, intl) }}
                    />
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
