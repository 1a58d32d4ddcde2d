import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'wouter';
import { messageOf } from '../api/client.js';
import { http, idempotent, ok } from '../api/http.js';
import { PORTAL_TICKET } from '../routes.js';
import { useSession } from '../session/session.js';
import { Await, ErrorNotice } from '../shared/feedback.js';
import { useActionKey, useNow, usePageTitle } from '../shared/hooks.js';
import { AttainmentTable } from './AttainmentTable.js';
import { recentMonths } from './format.js';
import { PeriodPicker } from './PeriodPicker.js';
import { accountAvailabilityQuery, availabilityKeys } from './queries.js';

export const PORTAL_AVAILABILITY_PATH = '/portal/availability';
const ticketPath = (id: string) => PORTAL_TICKET.replace(':id', id);

/** A customer's account: availability per month and service, the credit owed, and "Request credit" for an eligible month. */
export function PortalAvailabilityPage() {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const heading = usePageTitle(t('availability.portal.title'));
  const { user } = useSession();
  const now = useNow(60_000);
  const [period, setPeriod] = useState(() => recentMonths(now));
  const accountId = user.account_id ?? '';
  const query = useQuery({ ...accountAvailabilityQuery(accountId, period.from, period.to), enabled: accountId !== '' });
  const queryClient = useQueryClient();
  const key = useActionKey();
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ ok: true; id: string; number: number } | { ok: false; text: string } | null>(null);
  const request = useMutation({
    mutationFn: (body: { component: string; month: string }) =>
      key.run((k) => ok(http.POST('/api/v1/availability/credit-requests', { body, headers: idempotent(k) })), `${body.component} ${body.month}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: availabilityKeys.all }),
  });
  return (
    <div className="page wide">
      <div className="page-head">
        <h1 ref={heading} tabIndex={-1}>
          {t('availability.portal.title')}
        </h1>
      </div>
      <p>{t('availability.portal.intro')}</p>
      <PeriodPicker from={period.from} to={period.to} onChange={setPeriod} />
      <div aria-live="polite">
        {outcome?.ok === true && (
          <div className="notice notice-ok" role="status">
            <p>
              {t('availability.portal.requested', { number: outcome.number })} <Link to={ticketPath(outcome.id)}>{t('availability.portal.openTicket')}</Link>
            </p>
          </div>
        )}
      </div>
      {outcome?.ok === false && <ErrorNotice message={outcome.text} />}
      <Await query={query} label={t('availability.portal.loading')}>
        {(data) => (
          <AttainmentTable
            data={data}
            ticketPath={ticketPath}
            busy={busy}
            onRequest={async (month, cell) => {
              setBusy(`${month} ${cell.component.id}`);
              setOutcome(null);
              try {
                const created = await request.mutateAsync({ component: cell.component.key, month });
                setOutcome({ ok: true, id: created.ticket.id, number: created.ticket.number });
              } catch (error) {
                setOutcome({ ok: false, text: t('availability.portal.requestFailed', { reason: messageOf(error) }) });
              } finally {
                setBusy(null);
              }
            }}
          />
        )}
      </Await>
    </div>
  );
}
