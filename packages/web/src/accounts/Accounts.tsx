import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { http, ok } from '../api/http.js';
import type { Account, PolicyInfo, Team, User } from '../api/types.js';
import { loadAll, loadStaffUsers } from '../shared/paging.js';
import { Await, Empty } from '../shared/feedback.js';
import { DataTable } from '../shared/DataTable.js';
import { planChoices, staffChoices, teamChoices, tierChoices } from './account-form.js';
import { AccountEditor } from './AccountEditor.js';
import { accountKeys } from './queries.js';

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
  const accounts = useQuery({ queryKey: accountKeys.admin, queryFn: ({ signal }) => loadAccounts(signal) });
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const data = accounts.data ?? null;
  const account = data?.accounts.find((a) => a.id === editing);
  const nameOf = (id: string | null | undefined) => (id ? (data?.staff.find((u) => u.id === id)?.name ?? 'unknown') : null);
  const teamOf = (id: string | null | undefined) => (id ? (data?.teams.find((t) => t.id === id)?.name ?? 'unknown') : null);

  return (
    <>
      <section aria-labelledby="accounts-heading" className="panel">
        <h2 id="accounts-heading">Customer accounts</h2>
        <div aria-live="polite">{saved && <p className="ok-text">{saved}</p>}</div>
        <Await query={accounts}>
          {({ accounts }) =>
            accounts.length === 0 ? (
              <Empty>No customer accounts yet.</Empty>
            ) : (
              <DataTable label="Account list" columns={['Account', 'Policy', 'Plan', 'Version', 'Languages', 'Team', 'Managers', 'Projects', { header: 'Actions', hidden: true }]}>
                {accounts.map((a) => (
                  <tr key={a.id} aria-current={a.id === editing ? 'true' : undefined}>
                    <td>{a.name}</td>
                    <td>{a.pack_id}</td>
                    <td>
                      {a.plan}
                      {a.partner_tier && ` (${a.partner_tier})`}
                    </td>
                    <td>{a.pack_version}</td>
                    <td>{a.languages.join(', ')}</td>
                    <td>{teamOf(a.team_id) ?? <span className="muted">none</span>}</td>
                    <td>
                      {[nameOf(a.primary_manager_id), nameOf(a.secondary_manager_id)].filter(Boolean).join(', ') || <span className="muted">none</span>}
                    </td>
                    <td>{a.projects.map((p) => `${p.name}${p.production ? ' (production)' : ''}`).join(', ')}</td>
                    <td>
                      <button type="button" onClick={() => { setEditing(a.id); setSaved(null); }} aria-label={`Edit ${a.name}`}>
                        Edit
                      </button>
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
          <h2 id="account-edit-heading">{account.name}: plan, team, managers and phone PIN</h2>
          <AccountEditor
            account={account}
            choices={{ plans: planChoices(data.packs, account), tiers: tierChoices(data.packs, account), staff: staffChoices(data.staff), teams: teamChoices(data.teams) }}
            onCancel={() => setEditing(null)}
            onSaved={(updated) => {
              setSaved(`${updated.name}'s changes are saved.`);
              setEditing(null);
            }}
          />
        </section>
      )}
    </>
  );
}
