import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'wouter';
import { accountQuery } from '../accounts/queries.js';
import { ADMIN_ACCOUNT_AVAILABILITY, CONSOLE_TICKET } from '../routes.js';
import { useSession } from '../session/session.js';
import { Await } from '../shared/feedback.js';
import { useNow, usePageTitle } from '../shared/hooks.js';
import { AttainmentTable } from './AttainmentTable.js';
import { FeeImport } from './FeeImport.js';
import { recentMonths } from './format.js';
import { PackagesEditor } from './PackagesEditor.js';
import { PeriodPicker } from './PeriodPicker.js';
import { accountAvailabilityQuery } from './queries.js';

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
        <Await query={attainment} label={t('availability.account.loading')}>
          {(data) => <AttainmentTable data={data} ticketPath={ticketPath} />}
        </Await>
      </section>
      <PackagesEditor accountId={id} canEdit={user.role === 'admin'} />
      {user.role === 'admin' && <FeeImport />}
    </div>
  );
}
