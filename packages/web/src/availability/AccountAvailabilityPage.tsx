import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'wouter';
import { accountQuery } from '../accounts/queries.js';
import { ADMIN_ACCOUNT_AVAILABILITY, CONSOLE_TICKET } from '../routes.js';
import { useSession } from '../session/session.js';
import { messageOf } from '../api/client.js';
import { http, idempotent, ok } from '../api/http.js';
import { Await, ErrorNotice } from '../shared/feedback.js';
import { useActionKey, useNow, usePageTitle } from '../shared/hooks.js';
import { type AttainmentCell, AttainmentTable } from './AttainmentTable.js';
import { FeeImport } from './FeeImport.js';
import { recentMonths } from './format.js';
import { PackagesEditor } from './PackagesEditor.js';
import { PeriodPicker } from './PeriodPicker.js';
import { accountAvailabilityQuery, availabilityKeys } from './queries.js';

export const ACCOUNT_AVAILABILITY_PATH = ADMIN_ACCOUNT_AVAILABILITY;
const ticketPath = (id: string) => CONSOLE_TICKET.replace(':id', id);

/** Admin: an account's attainment and credits per month and component, its packages, and fees imported from CSV. */
export function AccountAvailabilityPage({ id }: { id: string }) {
  const intl = useIntl();
  const t = (messageId: string, values?: Record<string, string | number>) => intl.formatMessage({ id: messageId }, values);
  const account = useQuery(accountQuery(id));
  const name = account.data?.name ?? '';
  const heading = usePageTitle(t('availability.account.title', { name }));
  const { user } = useSession();
  const now = useNow(60_000);
  const [period, setPeriod] = useState(() => recentMonths(now));
  const attainment = useQuery(accountAvailabilityQuery(id, period.from, period.to));
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const decision = useMutation({
    mutationFn: ({ requestId, status }: { requestId: string; status: 'credited' | 'declined' }) =>
      ok(http.PATCH('/api/v1/availability/credit-requests/{id}', { params: { path: { id: requestId } }, body: { status } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: availabilityKeys.all }),
  });
  const key = useActionKey();
  const [requested, setRequested] = useState<{ id: string; number: number } | null>(null);
  const creditRequest = useMutation({
    mutationFn: (body: { component: string; month: string }) =>
      key.run((k) => ok(http.POST('/api/v1/availability/credit-requests', { body: { ...body, account_id: id }, headers: idempotent(k) })), `${body.component} ${body.month}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: availabilityKeys.all }),
  });
  /** Staff request a credit for the account (a customer asked by phone or mail); the ticket is filed for its first customer. */
  const request = async (month: string, cell: AttainmentCell) => {
    setBusy(`${month} ${cell.component.id}`);
    setFailure(null);
    setRequested(null);
    try {
      const created = await creditRequest.mutateAsync({ component: cell.component.key, month });
      setRequested({ id: created.ticket.id, number: created.ticket.number });
    } catch (error) {
      setFailure(t('availability.account.requestFailed', { reason: messageOf(error) }));
    } finally {
      setBusy(null);
    }
  };
  const decide = async (requestId: string, status: 'credited' | 'declined') => {
    setBusy(requestId);
    setFailure(null);
    try {
      await decision.mutateAsync({ requestId, status });
    } catch (error) {
      setFailure(t('availability.account.decideFailed', { reason: messageOf(error) }));
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="page wide">
      <p>
        <Link to="/admin">{t('availability.account.back')}</Link>
      </p>
      <h1 ref={heading} tabIndex={-1}>
        {t('availability.account.title', { name })}
      </h1>
      <section aria-labelledby="attainment-heading">
        <h2 id="attainment-heading">{t('availability.account.attainmentHeading')}</h2>
        <PeriodPicker from={period.from} to={period.to} onChange={setPeriod} />
        <div aria-live="polite">
          {requested && (
            <p className="ok-text">
              {t('availability.account.requested', { number: requested.number })} <Link to={ticketPath(requested.id)}>{t('availability.account.openTicket')}</Link>
            </p>
          )}
        </div>
        {failure && <ErrorNotice message={failure} />}
        <Await query={attainment} label={t('availability.account.loading')}>
          {(data) => <AttainmentTable data={data} ticketPath={ticketPath} onDecide={decide} onRequest={request} busy={busy} />}
        </Await>
      </section>
      <PackagesEditor accountId={id} canEdit={user.role === 'admin'} />
      {user.role === 'admin' && <FeeImport />}
    </div>
  );
}
