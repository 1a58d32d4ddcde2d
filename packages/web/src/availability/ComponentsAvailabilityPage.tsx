import { useQuery } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import { useLocation, useSearch } from 'wouter';
import { withQuery } from '../api/client.js';
import { DataTable } from '../shared/DataTable.js';
import { Await, Empty } from '../shared/feedback.js';
import { useNow, usePageTitle } from '../shared/hooks.js';
import { MONTH_PATTERN, monthLabel, percent, recentMonths } from './format.js';
import { PeriodPicker } from './PeriodPicker.js';
import { componentsAvailabilityQuery } from './queries.js';

export const COMPONENTS_AVAILABILITY_PATH = '/console/availability';

/** Staff: every status component's availability per calendar month (UTC), with its minutes down. */
export function ComponentsAvailabilityPage() {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const heading = usePageTitle(t('availability.components.title'));
  const now = useNow(60_000);
  const search = new URLSearchParams(useSearch());
  const [, navigate] = useLocation();
  const fallback = recentMonths(now);
  const from = MONTH_PATTERN.test(search.get('from') ?? '') ? search.get('from')! : fallback.from;
  const to = MONTH_PATTERN.test(search.get('to') ?? '') ? search.get('to')! : fallback.to;
  const query = useQuery(componentsAvailabilityQuery(from, to));
  return (
    <div className="page wide">
      <div className="page-head">
        <h1 ref={heading} tabIndex={-1}>
          {t('availability.components.title')}
        </h1>
      </div>
      <PeriodPicker key={`${from} ${to}`} from={from} to={to} onChange={(p) => navigate(withQuery(COMPONENTS_AVAILABILITY_PATH, p), { replace: true })} />
      <Await query={query} label={t('availability.components.loading')}>
        {(data) =>
          data.components.length === 0 || data.months.length === 0 ? (
            <Empty>{t('availability.components.empty')}</Empty>
          ) : (
            <>
              <p className="hint">{t('availability.components.hint', { share: intl.formatNumber(data.months[data.months.length - 1]!.partial_outage_share, { style: 'percent' }) })}</p>
              <DataTable
                label={t('availability.components.tableLabel')}
                caption={t('availability.components.caption')}
                className="availability-components"
                columns={[t('availability.components.columnComponent'), ...data.months.map((m) => (m.in_progress ? t('availability.components.monthSoFar', { month: monthLabel(intl, m.month) }) : monthLabel(intl, m.month)))]}
              >
                {data.components.map((c) => (
                  <tr key={c.id} data-component={c.key}>
                    <th scope="row">{c.name}</th>
                    {c.months.map((m) => (
                      <td key={m.month} data-month={m.month}>
                        <span className="availability-value">{percent(intl, m.availability)}</span>
                        <br />
                        <span className="hint">{t('availability.components.down', { minutes: m.down_minutes })}</span>
                      </td>
                    ))}
                  </tr>
                ))}
              </DataTable>
            </>
          )
        }
      </Await>
    </div>
  );
}
