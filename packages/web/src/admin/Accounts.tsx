import { api } from '../api/client.js';
import type { Account, Page } from '../api/types.js';
import { Await, Empty } from '../ui/feedback.js';
import { useLoad } from '../ui/hooks.js';
import { TableWrap } from '../ui/table-wrap.js';

/** The customer accounts with their policy, plan, languages and projects. */
export function AccountsSection() {
  const loaded = useLoad((signal) => api.get<Page<Account>>('/api/v1/accounts?limit=200', signal), []);
  return (
    <section aria-labelledby="accounts-heading" className="panel">
      <h2 id="accounts-heading">Customer accounts</h2>
      <Await loaded={loaded} what="the accounts">
        {({ items }) =>
          items.length === 0 ? (
            <Empty>No customer accounts yet.</Empty>
          ) : (
            <TableWrap label="Account list">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Account</th>
                    <th scope="col">Policy</th>
                    <th scope="col">Plan</th>
                    <th scope="col">Version</th>
                    <th scope="col">Languages</th>
                    <th scope="col">Projects</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((a) => (
                    <tr key={a.id}>
                      <td>{a.name}</td>
                      <td>{a.pack_id}</td>
                      <td>
                        {a.plan}
                        {a.partner_tier && ` (${a.partner_tier})`}
                      </td>
                      <td>{a.pack_version}</td>
                      <td>{a.languages.join(', ')}</td>
                      <td>{a.projects.map((p) => `${p.name}${p.production ? ' (production)' : ''}`).join(', ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )
        }
      </Await>
    </section>
  );
}
