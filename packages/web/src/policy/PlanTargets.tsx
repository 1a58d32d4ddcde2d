import { FormattedMessage, useIntl } from 'react-intl';
import type { PlanTarget, PolicyVersionInfo } from '../api/types.js';
import { TableWrap } from '../shared/table-wrap.js';
import { formatSpan } from '../time/format.js';

/** A version's targets: one row per plan and priority, one column per metric; each cell its duration and calendar, or no target. */
export function PlanTargets({ packId, version }: { packId: string; version: PolicyVersionInfo }) {
  const intl = useIntl();
  const targets = version.targets ?? [];
  if (targets.length === 0) {
    return (
      <p className="muted">
        <FormattedMessage id="policy.targets.notListed" />
      </p>
    );
  }
  const cell = new Map<string, PlanTarget>(targets.map((t) => [`${t.plan}\u0000${t.priority}\u0000${t.metric}`, t]));
  const calendarName = (id: string) => version.calendars.find((c) => c.id === id)?.name ?? id;
  return (
    <TableWrap label={intl.formatMessage({ id: 'policy.targets.label' }, { pack: packId, version: version.id })}>
      <table className="plan-targets">
        <caption>
          <FormattedMessage id="policy.targets.caption" />
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <FormattedMessage id="policy.targets.plan" />
            </th>
            <th scope="col">
              <FormattedMessage id="policy.targets.priority" />
            </th>
            {version.metrics.map((m) => (
              <th key={m.id} scope="col">
                {m.name}
              </th>
            ))}
          </tr>
        </thead>
        {version.plans.map((plan) => (
          <tbody key={plan.id}>
            {version.priorities.map((priority, index) => (
              <tr key={priority.id}>
                {index === 0 && (
                  <th scope="rowgroup" rowSpan={version.priorities.length}>
                    {plan.name}
                  </th>
                )}
                <th scope="row">
                  {priority.id} <span className="muted">{priority.name}</span>
                </th>
                {version.metrics.map((metric) => {
                  const target = cell.get(`${plan.id}\u0000${priority.id}\u0000${metric.id}`);
                  return (
                    <td key={metric.id} data-target={`${plan.id}/${priority.id}/${metric.id}`}>
                      {target?.duration && target.calendar ? (
                        <FormattedMessage
                          id="policy.targets.target"
                          values={{
                            duration: target.duration_ms !== null ? formatSpan(target.duration_ms, 'narrow', { intl }) : target.duration,
                            calendar: calendarName(target.calendar),
                            strong: (chunks) => <strong>{chunks}</strong>,
                            muted: (chunks) => <span className="muted">{chunks}</span>,
                          }}
                        />
                      ) : (
                        <span className="muted">
                          <FormattedMessage id="policy.targets.none" />
                        </span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </TableWrap>
  );
}
