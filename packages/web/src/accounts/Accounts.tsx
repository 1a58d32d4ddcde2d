import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'wouter';
import { http, ok } from '../api/http.js';
import type { Account, PolicyInfo, Team, User } from '../api/types.js';
import { loadAll, loadStaffUsers } from '../shared/paging.js';
import { Await, Empty } from '../shared/feedback.js';
import { DataTable } from '../shared/DataTable.js';
import { planChoices, staffChoices, teamChoices, tierChoices, tierLabel } from './account-form.js';
import { AccountEditor } from './AccountEditor.js';
import { accountKeys } from './queries.js';
import { ADMIN_ACCOUNT_AVAILABILITY } from '../routes.js';

interface AccountsData {
  accounts: Account[];
  staff: User[];
  teams: Team[];
  packs: PolicyInfo[];
}

async function loadAccounts(signal: AbortSignal): Promise<AccountsData> {
  // Every page of each list: an account or a manager beyond the first page must not go missing.
  const [accounts, staff, teams, packs] = await Promise.all([
    loadAll('/api/v1/accounts', {}, signal),
    loadStaffUsers(signal),
    loadAll('/api/v1/teams', {}, signal),
    ok(http.GET('/api/v1/policies', { signal })),
  ]);
  return { accounts, staff, teams, packs: packs.items };
}

/** The customer accounts with their policy, plan, languages, team, managers and projects; one at a time can be changed. */
export function AccountsSection() {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string>) => intl.formatMessage({ id }, values);
  const accounts = useQuery({ queryKey: accountKeys.admin, queryFn: ({ signal }) => loadAccounts(signal) });
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const data = accounts.data ?? null;
  const account = data?.accounts.find((a) => a.id === editing);
  const nameOf = (id: string | null | undefined) => (id ? (data?.staff.find((u) => u.id === id)?.name ?? t('accounts.list.unknown')) : null);
  const teamOf = (id: string | null | undefined) => (id ? (data?.teams.find((team) => team.id === id)?.name ?? t('accounts.list.unknown')) : null);
  const columns = [
    t('accounts.list.columnAccount'),
    t('accounts.list.columnPolicy'),
    t('accounts.list.columnPlan'),
    t('accounts.list.columnVersion'),
    t('accounts.list.columnLanguages'),
    t('accounts.list.columnTeam'),
    t('accounts.list.columnManagers'),
    t('accounts.list.columnProjects'),
    { header: t('accounts.list.columnActions'), hidden: true as const },
  ];

  return (
    <>
      <section aria-labelledby="accounts-heading" className="panel">
        <h2 id="accounts-heading">
          <FormattedMessage id="accounts.list.heading" />
        </h2>
        <div aria-live="polite">{saved && <p className="ok-text">{saved}</p>}</div>
        <Await query={accounts} label={t('accounts.list.loading')}>
          {({ accounts }) =>
            accounts.length === 0 ? (
              <Empty>
                <FormattedMessage id="accounts.list.empty" />
              </Empty>
            ) : (
              <DataTable label={t('accounts.list.tableLabel')} columns={columns}>
                {accounts.map((a) => (
                  <tr key={a.id} aria-current={a.id === editing ? 'true' : undefined}>
                    <td>{a.name}</td>
                    <td>{a.pack_id}</td>
                    <td>{a.partner_tier ? t('accounts.list.planWithTier', { plan: a.plan, tier: tierLabel(a.partner_tier) }) : a.plan}</td>
                    <td>{a.pack_version}</td>
                    <td>{a.languages.join(', ')}</td>
                    <td>{teamOf(a.team_id) ?? <span className="muted">{t('accounts.list.noTeam')}</span>}</td>
                    <td>
                      {[nameOf(a.primary_manager_id), nameOf(a.secondary_manager_id)].filter(Boolean).join(', ') || <span className="muted">{t('accounts.list.noManagers')}</span>}
                    </td>
                    <td>{a.projects.map((p) => t('accounts.list.project', { name: p.name, production: p.production ? 'yes' : 'no' })).join(', ')}</td>
                    <td>
                      <button type="button" onClick={() => { setEditing(a.id); setSaved(null); }} aria-label={t('accounts.list.editLabel', { name: a.name })}>
                        {t('accounts.list.edit')}
                      </button>{' '}
                      <Link to={ADMIN_ACCOUNT_AVAILABILITY.replace(':id', a.id)} aria-label={t('availability.nav.accountLinkLabel', { name: a.name })}>
                        {t('availability.nav.accountLink')}
                      </Link>
                    </td>
                  </tr>
                ))}
              </DataTable>
            )
          }
        </Await>
      </section>
      {account && data && (
        <section aria-labelledby="account-edit-heading" className="panel" key={account.id}>
          <h2 id="account-edit-heading">{t('accounts.list.editorHeading', { name: account.name })}</h2>
          <AccountEditor
            account={account}
            choices={{ plans: planChoices(data.packs, account), tiers: tierChoices(data.packs, account), staff: staffChoices(data.staff), teams: teamChoices(data.teams) }}
            onCancel={() => setEditing(null)}
            onSaved={(updated) => {
              setSaved(t('accounts.list.saved', { name: updated.name }));
              setEditing(null);
            }}
          />
        </section>
      )}
    </>
  );
}
