import type { PlanTarget, PolicyVersionInfo } from '../api/types.js';
import { TableWrap } from '../shared/table-wrap.js';

/** A version's targets: one row per plan and priority, one column per metric; each cell its duration and calendar, or no target. */
export function PlanTargets({ packId, version }: { packId: string; version: PolicyVersionInfo }) {
  const targets = version.targets ?? [];
  if (targets.length === 0) return <p className="muted">This service does not list the targets of a version.</p>;
  const cell = new Map<string, PlanTarget>(targets.map((t) => [`${t.plan}\u0000${t.priority}\u0000${t.metric}`, t]));
  const calendarName = (id: string) => version.calendars.find((c) => c.id === id)?.name ?? id;
  return (
    <TableWrap label={`Targets of ${packId} ${version.id}`}>
      <table className="plan-targets">
        <caption>Targets</caption>
        <thead>
          <tr>
            <th scope="col">Plan</th>
            <th scope="col">Priority</th>
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
                        <>
                          <strong>{target.duration}</strong> <span className="muted">on {calendarName(target.calendar)}</span>
                        </>
                      ) : (
                        <span className="muted">no target</span>
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
