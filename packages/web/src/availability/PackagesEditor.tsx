import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { messageOf } from '../api/client.js';
import { http, ok } from '../api/http.js';
import { DataTable } from '../shared/DataTable.js';
import { Await, Empty, ErrorNotice } from '../shared/feedback.js';
import { serverNow } from '../time/server-clock.js';
import { accountPackagesQuery, availabilityKeys } from './queries.js';

interface Row {
  package_id: string;
  starts_on: string;
  ends_on: string;
}

/** The packages an account holds, with their first and last days; admins change them. */
export function PackagesEditor({ accountId, canEdit }: { accountId: string; canEdit: boolean }) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const query = useQuery(accountPackagesQuery(accountId));
  return (
    <section aria-labelledby="packages-heading" className="panel">
      <h2 id="packages-heading">{t('availability.account.packagesHeading')}</h2>
      <p className="hint">{t('availability.account.packagesHint')}</p>
      <Await query={query} label={t('availability.account.packagesLoading')}>
        {(data) =>
          canEdit ? (
            <PackagesForm
              accountId={accountId}
              offered={data.offered}
              initial={data.items.map((i) => ({ package_id: i.package_id, starts_on: i.starts_on, ends_on: i.ends_on ?? '' }))}
            />
          ) : data.items.length === 0 ? (
            <Empty>{t('availability.account.noPackages')}</Empty>
          ) : (
            <DataTable label={t('availability.account.packagesHeading')} columns={[t('availability.account.columnPackage'), t('availability.account.columnStarts'), t('availability.account.columnEnds')]}>
              {data.items.map((i) => (
                <tr key={i.id}>
                  <td>{i.name ?? i.package_id}</td>
                  <td>{i.starts_on}</td>
                  <td>{i.ends_on ?? t('availability.account.stillHeld')}</td>
                </tr>
              ))}
            </DataTable>
          )
        }
      </Await>
    </section>
  );
}

function PackagesForm({ accountId, offered, initial }: { accountId: string; offered: { id: string; name: string }[]; initial: Row[] }) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const [rows, setRows] = useState<Row[]>(initial);
  const [notice, setNotice] = useState<{ ok: boolean; text: string; issues?: { path: string; message: string }[] } | null>(null);
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: () =>
      ok(
        http.PUT('/api/v1/accounts/{id}/packages', {
          params: { path: { id: accountId } },
          body: { items: rows.map((r) => ({ package_id: r.package_id, starts_on: r.starts_on, ends_on: r.ends_on === '' ? null : r.ends_on })) },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: availabilityKeys.all }),
  });
  const change = (index: number, patch: Partial<Row>) => setRows((all) => all.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  if (offered.length === 0) return <Empty>{t('availability.account.noneOffered')}</Empty>;
  return (
    <form
      onSubmit={async (e) => {
        e.preventDefault();
        setNotice(null);
        try {
          await save.mutateAsync();
          setNotice({ ok: true, text: t('availability.account.packagesSaved') });
        } catch (error) {
          setNotice({ ok: false, text: t('availability.account.packagesFailed', { reason: messageOf(error) }), issues: (error as { issues?: { path: string; message: string }[] }).issues ?? [] });
        }
      }}
    >
      {rows.length === 0 && <p className="muted">{t('availability.account.noPackages')}</p>}
      {rows.map((row, i) => (
        <fieldset key={i} className="package-row">
          <legend>{t('availability.account.packageLegend', { number: i + 1 })}</legend>
          <div className="field-inline">
            <label htmlFor={`package-${i}`}>{t('availability.account.columnPackage')}</label>
            <select id={`package-${i}`} value={row.package_id} onChange={(e) => change(i, { package_id: e.target.value })}>
              {offered.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field-inline">
            <label htmlFor={`package-${i}-starts`}>{t('availability.account.columnStarts')}</label>
            <input id={`package-${i}-starts`} type="date" required value={row.starts_on} onChange={(e) => change(i, { starts_on: e.target.value })} />
          </div>
          <div className="field-inline">
            <label htmlFor={`package-${i}-ends`}>{t('availability.account.columnEnds')}</label>
            <input id={`package-${i}-ends`} type="date" value={row.ends_on} onChange={(e) => change(i, { ends_on: e.target.value })} />
          </div>
          <button type="button" onClick={() => setRows((all) => all.filter((_, j) => j !== i))}>
            {t('availability.account.removePackage')}
          </button>
        </fieldset>
      ))}
      <p>
        <button type="button" onClick={() => setRows((all) => [...all, { package_id: offered[0]!.id, starts_on: new Date(serverNow()).toISOString().slice(0, 10), ends_on: '' }])}>
          {t('availability.account.addPackage')}
        </button>{' '}
        <button type="submit" disabled={save.isPending}>
          {t('availability.account.savePackages')}
        </button>
      </p>
      <div aria-live="polite">{notice?.ok && <p className="ok-text">{notice.text}</p>}</div>
      {notice && !notice.ok && <ErrorNotice message={notice.text} issues={notice.issues ?? []} />}
    </form>
  );
}
