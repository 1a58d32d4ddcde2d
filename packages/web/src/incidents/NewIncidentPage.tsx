import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useLocation } from 'wouter';
import { http, idempotent, ok } from '../api/http.js';
import { useSession } from '../session/session.js';
import { Await } from '../shared/feedback.js';
import { CheckField, errorsFrom, type FieldErrors, FormActions, TextArea, TextField } from '../shared/fields.js';
import { useActionKey, usePageTitle } from '../shared/hooks.js';
import { useWrite } from '../shared/query.js';
import { SelectField } from '../shared/SelectField.js';
import { zoneLabel } from '../time/format.js';
import { instantOfWallTime } from '../time/zoned.js';
import { choiceBody, type ComponentChoice, ComponentStatusPicker } from './ComponentStatusPicker.js';
import { incidentStatusLabel } from './labels.js';
import { INCIDENTS_PATH, incidentPath } from './paths.js';
import { componentKeys, componentsQuery, incidentKeys } from './queries.js';
import { impactLabel } from './staff-labels.js';
import { defaultComponentStatus, INCIDENT_IMPACTS, statusesOf } from './statuses.js';
import type { IncidentKind, StatusComponent } from './types.js';
import type { NewIncident } from './write-types.js';

const FIELDS = ['name', 'impact', 'status', 'body', 'components', 'scheduled_for', 'scheduled_until', 'notify'] as const;

/** "New incident" or "Schedule maintenance": what happened (or will), to which components, and who hears of it. */
export function NewIncidentPage({ kind }: { kind: IncidentKind }) {
  const intl = useIntl();
  const title = intl.formatMessage({ id: kind === 'maintenance' ? 'incidents.console.scheduleMaintenance' : 'incidents.console.newIncident' });
  const heading = usePageTitle(title);
  const components = useQuery(componentsQuery);
  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to={INCIDENTS_PATH}>
          <FormattedMessage id="incidents.console.back" />
        </Link>
      </p>
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      <Await query={components} label={intl.formatMessage({ id: 'incidents.console.loadingComponents' })}>
        {(data) => <IncidentForm key={kind} kind={kind} components={data.components} />}
      </Await>
    </div>
  );
}

function IncidentForm({ kind, components }: { kind: IncidentKind; components: readonly StatusComponent[] }) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const { zone } = useSession();
  const [, navigate] = useLocation();
  const maintenance = kind === 'maintenance';
  const statuses = statusesOf(kind);
  const [name, setName] = useState('');
  const [impact, setImpact] = useState<string>(maintenance ? 'maintenance' : 'minor');
  const [status, setStatus] = useState<string>(statuses[0]!);
  const [body, setBody] = useState('');
  const [chosen, setChosen] = useState<ComponentChoice>(new Map());
  const [notify, setNotify] = useState(true);
  const [from, setFrom] = useState('');
  const [until, setUntil] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  // A field's message goes once the field is changed; the others stay until the next try.
  const clearing = (field: string, set: (value: string) => void) => (value: string) => {
    set(value);
    setErrors((found) => {
      if (!(field in found)) return found;
      const { [field]: _gone, ...rest } = found;
      return rest;
    });
  };
  const action = useActionKey();
  const create = useWrite(({ incident, key }: { incident: NewIncident; key: string }) => ok(http.POST('/api/v1/incidents', { body: incident, headers: idempotent(key) })), () => [incidentKeys.all, componentKeys.all]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (name.trim() === '') found.name = t('incidents.form.nameMissing');
    if (body.trim() === '') found.body = t('incidents.form.bodyMissing');
    const start = maintenance ? instantOfWallTime(from, zone) : null;
    const end = maintenance ? instantOfWallTime(until, zone) : null;
    if (maintenance && start === null) found.scheduled_for = t('incidents.form.fromMissing');
    if (maintenance && end === null) found.scheduled_until = t('incidents.form.untilMissing');
    if (start !== null && end !== null && end <= start) found.scheduled_until = t('incidents.form.untilBeforeFrom');
    if (Object.keys(found).length > 0) {
      setErrors({ ...found, '': t('incidents.form.fixFields') });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const incident: NewIncident = {
        kind,
        name: name.trim(),
        status: status as NewIncident['status'],
        impact: impact as NewIncident['impact'],
        body: body.trim(),
        components: choiceBody(components, chosen),
        notify,
        ...(start !== null && end !== null && { scheduled_for: new Date(start).toISOString(), scheduled_until: new Date(end).toISOString() }),
      };
      // A retry after a lost answer resends the same key, so the incident is opened once.
      const created = await action.run((key) => create.mutateAsync({ incident, key }));
      navigate(incidentPath(created.id));
    } catch (caught) {
      setErrors(errorsFrom(caught, FIELDS));
      setBusy(false);
    }
  };

  const zoneText = zoneLabel(zone);
  return (
    <form className="stacked-form" onSubmit={submit} noValidate aria-label={t(maintenance ? 'incidents.console.scheduleMaintenance' : 'incidents.console.newIncident')}>
      <TextField id="incident-name" label={t('incidents.form.name')} hint={t(maintenance ? 'incidents.form.nameHintMaintenance' : 'incidents.form.nameHint')} value={name} onChange={clearing('name', setName)} error={errors.name} required />
      {!maintenance && (
        <SelectField id="incident-impact" label={t('incidents.form.impact')} hint={t('incidents.form.impactHint')} value={impact} onChange={setImpact} choices={INCIDENT_IMPACTS.map((id) => ({ id, label: impactLabel(id, intl) }))} error={errors.impact} />
      )}
      {maintenance && (
        <fieldset>
          <legend>
            <FormattedMessage id="incidents.form.window" />
          </legend>
          <p className="hint">
            <FormattedMessage id="incidents.form.windowHint" values={{ zone: zoneText }} />
          </p>
          <div className="inline-fields">
            <TextField id="maintenance-from" type="datetime-local" label={t('incidents.form.from', { zone: zoneText })} value={from} onChange={clearing('scheduled_for', setFrom)} error={errors.scheduled_for} required />
            <TextField id="maintenance-until" type="datetime-local" label={t('incidents.form.until', { zone: zoneText })} value={until} onChange={clearing('scheduled_until', setUntil)} error={errors.scheduled_until} required />
          </div>
        </fieldset>
      )}
      <SelectField id="incident-status" label={t('incidents.form.status')} value={status} onChange={setStatus} choices={statuses.map((id) => ({ id, label: incidentStatusLabel(id, intl) }))} error={errors.status} />
      <TextArea id="incident-body" label={t('incidents.form.message')} hint={t('incidents.form.messageHint')} value={body} onChange={clearing('body', setBody)} error={errors.body} required />
      <ComponentStatusPicker
        id="incident-components"
        legend={t('incidents.form.components')}
        hint={t(maintenance ? 'incidents.form.componentsHintMaintenance' : 'incidents.form.componentsHint')}
        components={components}
        value={chosen}
        onChange={setChosen}
        fresh={() => defaultComponentStatus(kind)}
        error={errors.components}
      />
      <CheckField id="incident-notify" label={t('incidents.form.notify')} hint={t('incidents.form.notifyHint')} checked={notify} onChange={setNotify} />
      <FormActions label={t(maintenance ? 'incidents.form.schedule' : 'incidents.form.open')} busy={busy} error={errors['']} onCancel={() => navigate(INCIDENTS_PATH)} />
    </form>
  );
}
