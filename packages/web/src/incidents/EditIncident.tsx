import { type FormEvent, useState } from 'react';
import { useIntl } from 'react-intl';
import { http, ok } from '../api/http.js';
import { errorsFrom, type FieldErrors, FormActions, TextField } from '../shared/fields.js';
import { useWrite } from '../shared/query.js';
import { SelectField } from '../shared/SelectField.js';
import { incidentKeys } from './queries.js';
import { impactLabel } from './staff-labels.js';
import { INCIDENT_IMPACTS } from './statuses.js';
import type { Incident } from './types.js';
import type { IncidentChange } from './write-types.js';

const FIELDS = ['name', 'impact'] as const;

/** Renames an incident or a maintenance, or changes an incident's impact, behind a disclosure. */
export function EditIncident({ incident, onSaved }: { incident: Incident; onSaved: (text: string) => void }) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(incident.name);
  const [impact, setImpact] = useState<string>(incident.impact);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const save = useWrite((change: IncidentChange) => ok(http.PATCH('/api/v1/incidents/{id}', { params: { path: { id: incident.id } }, body: change })), () => [incidentKeys.all]);
  const maintenance = incident.kind === 'maintenance';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') {
      setErrors({ name: t('incidents.form.nameMissing') });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await save.mutateAsync({ name: name.trim(), ...(!maintenance && { impact: impact as IncidentChange['impact'] }) });
      setOpen(false);
      onSaved(t('incidents.detail.changed'));
    } catch (caught) {
      setErrors(errorsFrom(caught, FIELDS));
    } finally {
      setBusy(false);
    }
  };

  return (
    <details className="edit-box" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t(maintenance ? 'incidents.detail.renameMaintenance' : 'incidents.detail.change')}</summary>
      <form className="stacked-form" onSubmit={submit} noValidate aria-label={t(maintenance ? 'incidents.detail.renameMaintenance' : 'incidents.detail.change')}>
        <TextField id="edit-incident-name" label={t('incidents.form.name')} value={name} onChange={setName} error={errors.name} required />
        {!maintenance && (
          <SelectField id="edit-incident-impact" label={t('incidents.form.impact')} value={impact} onChange={setImpact} choices={INCIDENT_IMPACTS.map((id) => ({ id, label: impactLabel(id, intl) }))} error={errors.impact} />
        )}
        <FormActions label={t('incidents.detail.saveChange')} busy={busy} error={errors['']} onCancel={() => setOpen(false)} />
      </form>
    </details>
  );
}
