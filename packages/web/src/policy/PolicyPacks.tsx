import { useState } from 'react';
import type { PolicyInfo, PolicyVersionInfo } from '../api/types.js';
import { useSession } from '../session/session.js';
import { formatInstant, zoneLabel } from '../time/format.js';
import { Empty } from '../shared/feedback.js';
import { TableWrap } from '../shared/table-wrap.js';
import { PlanTargets } from './PlanTargets.js';

const METRIC_KINDS: Record<string, string> = {
  acknowledgment: 'acknowledgment',
  first_response: 'first response',
  next_update: 'next update',
  resolution: 'resolution',
};

/** The policy packs: each pack's versions, and for a chosen version its plans, priorities, metrics and calendars. */
export function PolicyPacks({ packs }: { packs: PolicyInfo[] }) {
  if (packs.length === 0) return <Empty>No policy packs are loaded.</Empty>;
  return (
    <div className="packs">
      {packs.map((pack) => (
        <PackCard key={pack.id} pack={pack} />
      ))}
    </div>
  );
}

function PackCard({ pack }: { pack: PolicyInfo }) {
  const { zone } = useSession();
  const [versionId, setVersionId] = useState(pack.current_version);
  const version = pack.versions.find((v) => v.id === versionId) ?? pack.versions[pack.versions.length - 1]!;
  const selectId = `pack-${pack.id}-version`;
  return (
    <article className="card pack" aria-labelledby={`pack-${pack.id}`}>
      <h3 id={`pack-${pack.id}`}>
        {pack.name} <span className="muted">({pack.id})</span>
      </h3>
      <ul className="plain">
        {pack.versions.map((v) => (
          <li key={v.id}>
            Version <strong>{v.id}</strong>, in force from <time dateTime={v.effective_from}>{formatInstant(v.effective_from, zone)}</time> {zoneLabel(zone, v.effective_from)}
            {v.id === pack.current_version && <span className="tag">in force now</span>}
          </li>
        ))}
      </ul>
      <div className="field-inline">
        <label htmlFor={selectId}>Show version</label>
        <select id={selectId} value={version.id} onChange={(e) => setVersionId(e.target.value)}>
          {pack.versions.map((v) => (
            <option key={v.id} value={v.id}>
              {v.id}
              {v.id === pack.current_version ? ' (in force)' : ''}
            </option>
          ))}
        </select>
      </div>
      <VersionDetails packId={pack.id} version={version} />
    </article>
  );
}

function VersionDetails({ packId, version }: { packId: string; version: PolicyVersionInfo }) {
  const key = `${packId}-${version.id}`;
  const calendarName = (id: string) => version.calendars.find((c) => c.id === id)?.name ?? id;
  return (
    <div className="version" aria-label={`${packId} version ${version.id}`} role="group">
      <p className="hint">
        Clocks start {version.clock_start === 'on_create' ? 'when the ticket is opened' : 'once the required intake details are complete'}.
        {version.channels_without_sla.length > 0 && ` No guarantee on: ${version.channels_without_sla.join(', ')}.`} Languages:{' '}
        {version.languages.map((l) => `${l.name}${l.primary ? ' (primary)' : ''}`).join(', ')}.
      </p>
      <TableWrap label={`Plans of ${packId} ${version.id}`}>
        <table>
          <caption>Plans</caption>
          <thead>
            <tr>
              <th scope="col">Plan</th>
              <th scope="col">Calendar</th>
              <th scope="col">Includes</th>
            </tr>
          </thead>
          <tbody>
            {version.plans.map((plan) => (
              <tr key={plan.id}>
                <td>
                  {plan.name} <span className="muted">({[plan.id, ...plan.aliases].join(', ')})</span>
                </td>
                <td>{calendarName(plan.calendar)}</td>
                <td>{plan.includes.length > 0 ? plan.includes.join(', ') : <span className="muted">—</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <h4 id={`${key}-priorities`}>Priorities</h4>
      <dl className="definitions" aria-labelledby={`${key}-priorities`}>
        {version.priorities.map((p) => (
          <div key={p.id}>
            <dt>
              {p.id} {p.name}
              {p.default && <span className="tag">default</span>}
              {p.production_only && <span className="tag">production only</span>}
            </dt>
            <dd>{p.definition}</dd>
          </div>
        ))}
      </dl>
      <h4 id={`${key}-metrics`}>Targets measured</h4>
      <ul className="plain" aria-labelledby={`${key}-metrics`}>
        {version.metrics.map((m) => (
          <li key={m.id}>
            <strong>{m.name}</strong> ({METRIC_KINDS[m.kind] ?? m.kind})
            {m.paused_by.length > 0 ? `, paused while ${m.paused_by.join(' or ')}` : ', never paused'}
          </li>
        ))}
      </ul>
      <PlanTargets packId={packId} version={version} />
      <h4 id={`${key}-calendars`}>Calendars</h4>
      <ul className="plain" aria-labelledby={`${key}-calendars`}>
        {version.calendars.map((c) => (
          <li key={c.id}>
            {c.name} <span className="muted">({c.id}, {c.always_open ? 'always open' : c.zone})</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
