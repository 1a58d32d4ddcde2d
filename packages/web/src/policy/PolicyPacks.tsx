import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { PolicyInfo, PolicyVersionInfo } from '../api/types.js';
import { useSession } from '../session/session.js';
import { formatInstant, zoneLabel } from '../time/format.js';
import { Empty } from '../shared/feedback.js';
import { TableWrap } from '../shared/table-wrap.js';
import { channelsText, listOf, metricKindLabel, pausingStatuses } from './labels.js';
import { PlanTargets } from './PlanTargets.js';

/** The policy packs: each pack's versions, and for a chosen version its plans, priorities, metrics and calendars. */
export function PolicyPacks({ packs }: { packs: PolicyInfo[] }) {
  if (packs.length === 0) {
    return (
      <Empty>
        <FormattedMessage id="policy.packs.empty" />
      </Empty>
    );
  }
  return (
    <div className="packs">
      {packs.map((pack) => (
        <PackCard key={pack.id} pack={pack} />
      ))}
    </div>
  );
}

function PackCard({ pack }: { pack: PolicyInfo }) {
  const intl = useIntl();
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
            <FormattedMessage
              id="policy.packs.versionInForce"
              values={{
                version: <strong>{v.id}</strong>,
                from: <time dateTime={v.effective_from}>{formatInstant(v.effective_from, zone)}</time>,
                zone: zoneLabel(zone, v.effective_from),
              }}
            />
            {v.id === pack.current_version && (
              <span className="tag">
                <FormattedMessage id="policy.packs.inForceNow" />
              </span>
            )}
          </li>
        ))}
      </ul>
      <div className="field-inline">
        <label htmlFor={selectId}>
          <FormattedMessage id="policy.packs.showVersion" />
        </label>
        <select id={selectId} value={version.id} onChange={(e) => setVersionId(e.target.value)}>
          {pack.versions.map((v) => (
            <option key={v.id} value={v.id}>
              {v.id === pack.current_version ? intl.formatMessage({ id: 'policy.packs.versionOptionInForce' }, { version: v.id }) : v.id}
            </option>
          ))}
        </select>
      </div>
      <VersionDetails packId={pack.id} version={version} />
    </article>
  );
}

function VersionDetails({ packId, version }: { packId: string; version: PolicyVersionInfo }) {
  const intl = useIntl();
  const key = `${packId}-${version.id}`;
  const calendarName = (id: string) => version.calendars.find((c) => c.id === id)?.name ?? id;
  const languages = version.languages.map((l) => (l.primary ? intl.formatMessage({ id: 'policy.packs.primaryLanguage' }, { name: l.name }) : l.name));
  return (
    <div className="version" aria-label={intl.formatMessage({ id: 'policy.packs.versionGroup' }, { pack: packId, version: version.id })} role="group">
      <p className="hint">
        <FormattedMessage id="policy.packs.clockStart" values={{ start: version.clock_start }} />
        {version.channels_without_sla.length > 0 && (
          <>
            {' '}
            <FormattedMessage id="policy.packs.noGuaranteeOn" values={{ channels: channelsText(intl, version.channels_without_sla) }} />
          </>
        )}{' '}
        <FormattedMessage id="policy.packs.languages" values={{ languages: listOf(intl, languages) }} />
      </p>
      <TableWrap label={intl.formatMessage({ id: 'policy.packs.plansOf' }, { pack: packId, version: version.id })}>
        <table>
          <caption>
            <FormattedMessage id="policy.packs.plans" />
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <FormattedMessage id="policy.packs.plan" />
              </th>
              <th scope="col">
                <FormattedMessage id="policy.packs.calendar" />
              </th>
              <th scope="col">
                <FormattedMessage id="policy.packs.includes" />
              </th>
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
      <h4 id={`${key}-priorities`}>
        <FormattedMessage id="policy.packs.priorities" />
      </h4>
      <dl className="definitions" aria-labelledby={`${key}-priorities`}>
        {version.priorities.map((p) => (
          <div key={p.id}>
            <dt>
              {p.id} {p.name}
              {p.default && (
                <span className="tag">
                  <FormattedMessage id="policy.packs.defaultPriority" />
                </span>
              )}
              {p.production_only && (
                <span className="tag">
                  <FormattedMessage id="policy.packs.productionOnly" />
                </span>
              )}
            </dt>
            <dd>{p.definition}</dd>
          </div>
        ))}
      </dl>
      <h4 id={`${key}-metrics`}>
        <FormattedMessage id="policy.packs.metrics" />
      </h4>
      <ul className="plain" aria-labelledby={`${key}-metrics`}>
        {version.metrics.map((m) => {
          const values = { name: <strong>{m.name}</strong>, kind: metricKindLabel(intl, m.kind) };
          return (
            <li key={m.id}>
              {m.paused_by.length > 0 ? (
                <FormattedMessage id="policy.packs.metricPaused" values={{ ...values, statuses: pausingStatuses(intl, m.paused_by) }} />
              ) : (
                <FormattedMessage id="policy.packs.metricNeverPaused" values={values} />
              )}
            </li>
          );
        })}
      </ul>
      <PlanTargets packId={packId} version={version} />
      <h4 id={`${key}-calendars`}>
        <FormattedMessage id="policy.packs.calendars" />
      </h4>
      <ul className="plain" aria-labelledby={`${key}-calendars`}>
        {version.calendars.map((c) => (
          <li key={c.id}>
            {c.name}{' '}
            <span className="muted">
              {c.always_open ? <FormattedMessage id="policy.packs.calendarAlwaysOpen" values={{ id: c.id }} /> : `(${c.id}, ${c.zone})`}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
