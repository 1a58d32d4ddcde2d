import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { messageOf } from '../api/client.js';
import { http, ok } from '../api/http.js';
import { DataTable } from '../shared/DataTable.js';
import { Await, Empty, Loading } from '../shared/feedback.js';
import { useWrite } from '../shared/query.js';
import { ComponentForm } from './ComponentForm.js';
import { GroupForm } from './GroupForm.js';
import { useProducts } from './products.js';
import { componentKeys, componentsQuery, incidentKeys } from './queries.js';
import { componentStatusLabel } from './staff-labels.js';
import type { StatusComponent, StatusComponentGroup } from './types.js';

type Editing = { kind: 'none' } | { kind: 'group' | 'component' | 'deleteGroup' | 'deleteComponent'; id: string };

/** Admin: the status page's groups and components (key, name, description, group, products served). */
export function ComponentsSection() {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string>) => intl.formatMessage({ id }, values);
  const components = useQuery(componentsQuery);
  const products = useProducts();
  const [editing, setEditing] = useState<Editing>({ kind: 'none' });
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const affected = () => [componentKeys.all, incidentKeys.all];
  const removeGroup = useWrite((group: StatusComponentGroup) => ok(http.DELETE('/api/v1/status/component-groups/{id}', { params: { path: { id: group.id } } })), affected);
  const removeComponent = useWrite((component: StatusComponent) => ok(http.DELETE('/api/v1/status/components/{id}', { params: { path: { id: component.id } } })), affected);
  const saved = (name: string) => {
    setEditing({ kind: 'none' });
    setNotice({ ok: true, text: t('incidents.admin.saved', { name }) });
  };
  const remove = async (name: string, write: () => Promise<unknown>) => {
    try {
      await write();
      setEditing({ kind: 'none' });
      setNotice({ ok: true, text: t('incidents.admin.deleted', { name }) });
    } catch (caught) {
      setNotice({ ok: false, text: messageOf(caught) });
    }
  };

  return (
    <Await query={components} label={t('incidents.admin.loading')}>
      {({ groups, components: items }) => {
        const groupName = (id: string | null) => groups.find((g) => g.id === id)?.name ?? t('incidents.admin.noGroup');
        const editedGroup = editing.kind === 'group' ? groups.find((g) => g.id === editing.id) : undefined;
        const editedComponent = editing.kind === 'component' ? items.find((c) => c.id === editing.id) : undefined;
        const doomedGroup = editing.kind === 'deleteGroup' ? groups.find((g) => g.id === editing.id) : undefined;
        const doomedComponent = editing.kind === 'deleteComponent' ? items.find((c) => c.id === editing.id) : undefined;
        return (
          <>
            <div aria-live="polite">{notice && <p className={notice.ok ? 'notice notice-ok' : 'notice notice-error'}>{notice.text}</p>}</div>
            <section aria-labelledby="components-heading" className="panel">
              <h2 id="components-heading">
                <FormattedMessage id="incidents.admin.components" />
              </h2>
              <p className="hint">
                <FormattedMessage id="incidents.admin.componentsHint" />
              </p>
              {items.length === 0 ? (
                <Empty>
                  <FormattedMessage id="incidents.admin.noComponents" />
                </Empty>
              ) : (
                <DataTable
                  label={t('incidents.admin.componentsList')}
                  columns={[t('incidents.admin.name'), t('incidents.admin.key'), t('incidents.admin.group'), t('incidents.admin.products'), t('incidents.admin.status'), { header: t('incidents.admin.actions'), hidden: true }]}
                >
                  {items.map((c) => (
                    <tr key={c.id}>
                      <td>
                        {c.name}
                        {c.description && <div className="muted small">{c.description}</div>}
                      </td>
                      <td>
                        <code>{c.key}</code>
                      </td>
                      <td>{groupName(c.group_id)}</td>
                      <td>{c.products.join(', ') || t('incidents.admin.noProducts')}</td>
                      <td>{componentStatusLabel(c.status, intl)}</td>
                      <td>
                        <RowActions name={c.name} onEdit={() => setEditing({ kind: 'component', id: c.id })} onDelete={() => setEditing({ kind: 'deleteComponent', id: c.id })} />
                      </td>
                    </tr>
                  ))}
                </DataTable>
              )}
              {doomedComponent && (
                <ConfirmDelete
                  text={t('incidents.admin.confirmDeleteComponent', { name: doomedComponent.name })}
                  onConfirm={() => void remove(doomedComponent.name, () => removeComponent.mutateAsync(doomedComponent))}
                  onCancel={() => setEditing({ kind: 'none' })}
                />
              )}
              {editedComponent && products && (
                <div className="edit-box">
                  <h3>
                    <FormattedMessage id="incidents.admin.editHeading" values={{ name: editedComponent.name }} />
                  </h3>
                  <ComponentForm key={editedComponent.id} component={editedComponent} groups={groups} products={products} onSaved={saved} onCancel={() => setEditing({ kind: 'none' })} />
                </div>
              )}
              <h3>
                <FormattedMessage id="incidents.admin.addComponent" />
              </h3>
              {products ? <ComponentForm groups={groups} products={products} onSaved={saved} /> : <Loading label={t('incidents.admin.loadingProducts')} />}
            </section>
            <section aria-labelledby="groups-heading" className="panel">
              <h2 id="groups-heading">
                <FormattedMessage id="incidents.admin.groups" />
              </h2>
              {groups.length === 0 ? (
                <Empty>
                  <FormattedMessage id="incidents.admin.noGroups" />
                </Empty>
              ) : (
                <DataTable label={t('incidents.admin.groupsList')} columns={[t('incidents.admin.groupName'), t('incidents.admin.description'), { header: t('incidents.admin.actions'), hidden: true }]}>
                  {groups.map((g) => (
                    <tr key={g.id}>
                      <td>{g.name}</td>
                      <td>{g.description}</td>
                      <td>
                        <RowActions name={g.name} onEdit={() => setEditing({ kind: 'group', id: g.id })} onDelete={() => setEditing({ kind: 'deleteGroup', id: g.id })} />
                      </td>
                    </tr>
                  ))}
                </DataTable>
              )}
              {doomedGroup && (
                <ConfirmDelete
                  text={t('incidents.admin.confirmDeleteGroup', { name: doomedGroup.name })}
                  onConfirm={() => void remove(doomedGroup.name, () => removeGroup.mutateAsync(doomedGroup))}
                  onCancel={() => setEditing({ kind: 'none' })}
                />
              )}
              {editedGroup && (
                <div className="edit-box">
                  <h3>
                    <FormattedMessage id="incidents.admin.editHeading" values={{ name: editedGroup.name }} />
                  </h3>
                  <GroupForm key={editedGroup.id} group={editedGroup} onSaved={saved} onCancel={() => setEditing({ kind: 'none' })} />
                </div>
              )}
              <h3>
                <FormattedMessage id="incidents.admin.addGroup" />
              </h3>
              <GroupForm onSaved={saved} />
            </section>
          </>
        );
      }}
    </Await>
  );
}

/** Asks before deleting: the keep button takes the focus, so Enter does no harm. */
function ConfirmDelete({ text, onConfirm, onCancel }: { text: string; onConfirm: () => void; onCancel: () => void }) {
  const keep = useRef<HTMLButtonElement | null>(null);
  useEffect(() => keep.current?.focus(), []);
  return (
    <div className="notice notice-warning" role="group" aria-labelledby="confirm-delete-text">
      <p id="confirm-delete-text">{text}</p>
      <div className="actions">
        <button ref={keep} type="button" onClick={onCancel}>
          <FormattedMessage id="incidents.admin.keep" />
        </button>
        <button type="button" className="danger" onClick={onConfirm}>
          <FormattedMessage id="incidents.admin.deleteConfirmed" />
        </button>
      </div>
    </div>
  );
}

/** Edit and Delete for one row, named for screen readers. */
function RowActions({ name, onEdit, onDelete }: { name: string; onEdit: () => void; onDelete: () => void }) {
  const intl = useIntl();
  return (
    <div className="actions">
      <button type="button" onClick={onEdit} aria-label={intl.formatMessage({ id: 'incidents.admin.editNamed' }, { name })}>
        <FormattedMessage id="incidents.admin.edit" />
      </button>
      <button type="button" className="danger" onClick={onDelete} aria-label={intl.formatMessage({ id: 'incidents.admin.deleteNamed' }, { name })}>
        <FormattedMessage id="incidents.admin.delete" />
      </button>
    </div>
  );
}
