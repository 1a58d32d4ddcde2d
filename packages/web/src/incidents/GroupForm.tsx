import { type FormEvent, useState } from 'react';
import { useIntl } from 'react-intl';
import { http, ok } from '../api/http.js';
import { errorsFrom, type FieldErrors, FormActions, TextField } from '../shared/fields.js';
import { useWrite } from '../shared/query.js';
import { componentKeys } from './queries.js';
import type { StatusComponentGroup } from './types.js';

const FIELDS = ['name', 'description'] as const;

/** Adds a group of components (`group` absent) or changes one. */
export function GroupForm({ group, onSaved, onCancel }: { group?: StatusComponentGroup; onSaved: (name: string) => void; onCancel?: () => void }) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string>) => intl.formatMessage({ id }, values);
  const prefix = group ? `group-${group.id}` : 'group-new';
  const [name, setName] = useState(group?.name ?? '');
  const [description, setDescription] = useState(group?.description ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const save = useWrite(
    (fields: { name: string; description: string | null }) =>
      group
        ? ok(http.PATCH('/api/v1/status/component-groups/{id}', { params: { path: { id: group.id } }, body: fields }))
        : ok(http.POST('/api/v1/status/component-groups', { body: fields })),
    () => [componentKeys.all],
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') {
      setErrors({ name: t('incidents.admin.groupNameMissing') });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await save.mutateAsync({ name: name.trim(), description: description.trim() || null });
      onSaved(name.trim());
      if (!group) {
        setName('');
        setDescription('');
      }
    } catch (caught) {
      setErrors(errorsFrom(caught, FIELDS));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="stacked-form" onSubmit={submit} noValidate aria-label={group ? t('incidents.admin.changeGroupLabel', { name: group.name }) : t('incidents.admin.addGroup')}>
      <TextField id={`${prefix}-name`} label={t('incidents.admin.groupName')} value={name} onChange={setName} error={errors.name} required />
      <TextField id={`${prefix}-description`} label={t('incidents.admin.description')} value={description} onChange={setDescription} error={errors.description} />
      <FormActions label={t(group ? 'incidents.admin.save' : 'incidents.admin.addGroup')} busy={busy} error={errors['']} onCancel={onCancel} />
    </form>
  );
}
