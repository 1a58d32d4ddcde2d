import { useIntl } from 'react-intl';
import { Link } from 'wouter';
import type { paths } from '../api/schema.gen.js';
import { DataTable } from '../shared/DataTable.js';
import { Empty } from '../shared/feedback.js';
import { money, monthLabel, percent, thresholdLabel } from './format.js';

export type AccountAvailability = paths['/api/v1/accounts/{id}/availability']['get']['responses'][200]['content']['application/json'];
export type AttainmentCell = AccountAvailability['months'][number]['components'][number];

/**
 * An account's attainment, a row per month and component: availability (so far, while the month
 * runs), minutes down, the threshold and the package that set it, the fee, the credit owed, and its
 * request. `onRequest` adds a "Request credit" button where a credit can be requested now.
 */
export function AttainmentTable({
  data,
  ticketPath,
  onRequest,
  onDecide,
  busy,
}: {
  data: AccountAvailability;
  /** The page of a ticket for the reader (portal or console). */
  ticketPath: (id: string) => string;
  onRequest?: (month: string, cell: AttainmentCell) => void;
  /** Staff who decide requests: mark one credited or declined. */
  onDecide?: (requestId: string, status: 'credited' | 'declined') => void;
  busy?: string | null;
}) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const terms = data.terms;
  const rows = data.months.flatMap((m) => m.components.map((cell) => ({ month: m.month, cell })));
  return (
    <>
      <p className="hint">
        {terms === null
          ? t('availability.attainment.noTerms')
          : terms.credit_percent === null
            ? t('availability.attainment.termsNoCredit', { threshold: thresholdLabel(intl, terms.default_threshold), share: intl.formatNumber(terms.partial_outage_share, { style: 'percent' }) })
            : t('availability.attainment.terms', {
                threshold: thresholdLabel(intl, terms.default_threshold),
                percent: thresholdLabel(intl, terms.credit_percent),
                days: terms.claim_window_days,
                share: intl.formatNumber(terms.partial_outage_share, { style: 'percent' }),
              })}
      </p>
      {rows.length === 0 ? (
        <Empty>{t('availability.attainment.empty')}</Empty>
      ) : (
        <DataTable
          label={t('availability.attainment.tableLabel')}
          caption={t('availability.attainment.caption')}
          className="availability-attainment"
          columns={[
            t('availability.attainment.columnMonth'),
            t('availability.attainment.columnComponent'),
            t('availability.attainment.columnAvailability'),
            t('availability.attainment.columnDown'),
            t('availability.attainment.columnThreshold'),
            t('availability.attainment.columnFee'),
            t('availability.attainment.columnCredit'),
            t('availability.attainment.columnClaim'),
          ]}
        >
          {rows.map(({ month, cell }) => {
            const key = `${month} ${cell.component.id}`;
            const value = percent(intl, cell.availability);
            const request = cell.claim.request;
            return (
              <tr key={key} data-month={month} data-component={cell.component.key} className={cell.shortfall ? 'shortfall' : undefined}>
                <th scope="row">{monthLabel(intl, month)}</th>
                <td>{cell.component.name}</td>
                <td>{cell.in_progress ? t('availability.attainment.soFar', { value }) : value}</td>
                <td>{t('availability.attainment.minutesDown', { down: cell.down_minutes, total: cell.minutes })}</td>
                <td>
                  {cell.threshold === null
                    ? t('availability.attainment.noThreshold')
                    : cell.package
                      ? t('availability.attainment.withPackage', { threshold: thresholdLabel(intl, cell.threshold), package: cell.package.name })
                      : thresholdLabel(intl, cell.threshold)}
                </td>
                <td>{cell.fee ? money(intl, cell.fee.amount, cell.fee.currency) : <span className="muted">{t('availability.attainment.noFee')}</span>}</td>
                <td>
                  {cell.credit === null ? (
                    <span className="muted">{t('availability.attainment.noCredit')}</span>
                  ) : cell.credit.amount !== null && cell.credit.currency !== null ? (
                    <strong>{money(intl, cell.credit.amount, cell.credit.currency)}</strong>
                  ) : (
                    t('availability.attainment.creditWithoutFee', { percent: thresholdLabel(intl, cell.credit.percent) })
                  )}
                </td>
                <td>
                  {request ? (
                    <>
                      {t('availability.attainment.requested', { status: request.status })}{' '}
                      {request.ticket_id && request.ticket_number !== null && (
                        <Link to={ticketPath(request.ticket_id)}>{t('availability.attainment.ticket', { number: request.ticket_number })}</Link>
                      )}
                      {onDecide &&
                        (['credited', 'declined'] as const)
                          .filter((status) => status !== request.status)
                          .map((status) => (
                            <button
                              key={status}
                              type="button"
                              disabled={busy === request.id}
                              onClick={() => onDecide(request.id, status)}
                              aria-label={t('availability.attainment.decideLabel', { status, component: cell.component.name, month: monthLabel(intl, month) })}
                            >
                              {t('availability.attainment.decide', { status })}
                            </button>
                          ))}
                    </>
                  ) : cell.claim.state === 'open' && onRequest ? (
                    <>
                      <button
                        type="button"
                        disabled={busy === key}
                        onClick={() => onRequest(month, cell)}
                        aria-label={t('availability.attainment.requestLabel', { component: cell.component.name, month: monthLabel(intl, month) })}
                      >
                        {t('availability.attainment.request')}
                      </button>{' '}
                      <span className="hint">{t('availability.attainment.until', { date: intl.formatDate(Date.parse(cell.claim.closes_at!) - 1, { dateStyle: 'medium', timeZone: 'UTC' }) })}</span>
                    </>
                  ) : (
                    t('availability.attainment.claim', {
                      state: cell.claim.state,
                      date: cell.claim.closes_at ? intl.formatDate(cell.claim.closes_at, { dateStyle: 'medium', timeZone: 'UTC' }) : '',
                    })
                  )}
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
    </>
  );
}
