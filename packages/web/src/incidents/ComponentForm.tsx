import { type FormEvent, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { http, ok } from '../api/http.js';
import { errorsFrom, FieldError, type FieldErrors, FormActions, TextField } from '../shared/fields.js';
import { useWrite } from '../shared/query.js';
import { SelectField } from '../shared/SelectField.js';
import type { ProductChoice } from './products.js';
import { componentKeys, incidentKeys } from './queries.js';
import type { StatusComponent, StatusComponentGroup } from './types.js';

const FIELDS = ['key', 'name', 'description', 'group_id', 'products'] as const;

interface ComponentFields {
  key: string;
  name: string;
  description: string | null;
  group_id: string | null;
  products: string[];
}

/** Adds a component (`component` absent) or changes one: its key, name, description, group and the products it serves. */
export function ComponentForm(props: {
  component?: StatusComponent;
  groups: readonly StatusComponentGroup[];
  products: readonly ProductChoice[];
  onSaved: (name: string) => void;
  onCancel?: () => void;
}) {
  const { component, groups, products } = props;
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string>) => intl.formatMessage({ id }, values);
  const prefix = component ? `component-${component.id}` : 'component-new';
  const [key, setKey] = useState(component?.key ?? '');
  const [name, setName] = useState(component?.name ?? '');
  const [description, setDescription] = useState(component?.description ?? '');
  const [groupId, setGroupId] = useState(component?.group_id ?? '');
  const [served, setServed] = useState<string[]>(component?.products ?? []);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const save = useWrite(
    (fields: ComponentFields) =>
      component
        ? ok(http.PATCH('/api/v1/status/components/{id}', { params: { path: { id: component.id } }, body: fields }))
        : ok(http.POST('/api/v1/status/components', { body: fields })),
    () => [componentKeys.all, incidentKeys.all],
  );
  // A product no pack offers any more stays listed while the component serves it.
  const known = new Set(products.map((p) => p.id));
  const choices = [...products, ...served.filter((id) => !known.has(id)).map((id) => ({ id, names: [] }))];
  const toggle = (id: string, on: boolean) => setServed((list) => (on ? [...list, id] : list.filter((p) => p !== id)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (key.trim() === '') found.key = t('incidents.admin.keyMissing');
    if (name.trim() === '') found.name = t('incidents.admin.nameMissing');
    if (Object.keys(found).length > 0) {
      setErrors(found);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await save.mutateAsync({
        key: key.trim(),
        name: name.trim(),
        description: description.trim() || null,
        group_id: groupId || null,
        products: choices.map((p) => p.id).filter((id) => served.includes(id)),
      });
      props.onSaved(name.trim());
      if (!component) {
        setKey('');
        setName('');
        setDescription('');
        setServed([]);
      }
    } catch (caught) {
      setErrors(errorsFrom(caught, FIELDS));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="stacked-form" onSubmit={submit} noValidate aria-label={component ? t('incidents.admin.changeComponentLabel', { name: component.name }) : t('incidents.admin.addComponent')}>
      <TextField id={`${prefix}-key`} label={t('incidents.admin.key')} hint={t('incidents.admin.keyHint')} value={key} onChange={setKey} error={errors.key} required />
      <TextField id={`${prefix}-name`} label={t('incidents.admin.name')} value={name} onChange={setName} error={errors.name} required />
      <TextField id={`${prefix}-description`} label={t('incidents.admin.description')} value={description} onChange={setDescription} error={errors.description} />
      <SelectField
        id={`${prefix}-group`}
        label={t('incidents.admin.group')}
        value={groupId}
        onChange={setGroupId}
        none={t('incidents.admin.noGroup')}
        choices={groups.map((g) => ({ id: g.id, label: g.name }))}
        error={errors.group_id}
      />
      <fieldset aria-describedby={`${prefix}-products-hint${errors.products ? ` ${prefix}-products-error` : ''}`}>
        <legend>
          <FormattedMessage id="incidents.admin.products" />
        </legend>
        <p id={`${prefix}-products-hint`} className="hint">
          <FormattedMessage id="incidents.admin.productsHint" />
        </p>
        <ul className="plain checks">
          {choices.map((product) => (
            <li key={product.id}>
              <label>
                <input type="checkbox" checked={served.includes(product.id)} onChange={(e) => toggle(product.id, e.target.checked)} /> {product.names.join(' / ') || product.id}{' '}
                <code className="muted">{product.id}</code>
              </label>
            </li>
          ))}
        </ul>
        <FieldError id={`${prefix}-products-error`} message={errors.products} />
      </fieldset>
      <FormActions label={t(component ? 'incidents.admin.save' : 'incidents.admin.addComponent')} busy={busy} error={errors['']} onCancel={props.onCancel} />
    </form>
  );
}
