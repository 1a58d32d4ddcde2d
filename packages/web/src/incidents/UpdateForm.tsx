import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useIntl } from 'react-intl';
import { http, ok } from '../api/http.js';
import { CheckField, errorsFrom, type FieldErrors, FormActions, TextArea } from '../shared/fields.js';
import { useWrite } from '../shared/query.js';
import { SelectField } from '../shared/SelectField.js';
import { choiceBody, type ComponentChoice, ComponentStatusPicker } from './ComponentStatusPicker.js';
import { incidentStatusLabel } from './labels.js';
import { componentKeys, componentsQuery, incidentKeys } from './queries.js';
import { defaultComponentStatus, finalStatusOf, statusesOf } from './statuses.js';
import type { ComponentStatus, Incident } from './types.js';
import type { NewIncidentUpdate } from './write-types.js';

const FIELDS = ['status', 'body', 'components', 'reply_on_linked_tickets', 'notify'] as const;

/**
 * Posts an update: the new status, the message, the components' new statuses (operational ends an
 * outage), and whether it also goes out as a public reply on the linked tickets and to subscribers.
 */
export function UpdateForm({ incident }: { incident: Incident }) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const components = useQuery(componentsQuery);
  const statuses = statusesOf(incident.kind);
  const [status, setStatus] = useState<string>(incident.status);
  const [body, setBody] = useState('');
  const [chosen, setChosen] = useState<ComponentChoice>(new Map());
  const [reply, setReply] = useState(false);
  const [notify, setNotify] = useState(!incident.draft);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<string | null>(null);
  const post = useWrite((update: NewIncidentUpdate) => ok(http.POST('/api/v1/incidents/{id}/updates', { params: { path: { id: incident.id } }, body: update })), () => [incidentKeys.all, componentKeys.all]);

  // The incident's own components first, then the others.
  const own = new Set(incident.components.map((c) => c.id));
  const all = components.data?.components ?? incident.components.map((c) => ({ ...c, description: null, group_id: null, position: 0, products: [], showcase: false }));
  const listed = [...all.filter((c) => own.has(c.id)), ...all.filter((c) => !own.has(c.id))];
  // A component already down most likely recovers; one that is up is most likely hit.
  const fresh = (component: { status: ComponentStatus }): ComponentStatus =>
    component.status !== 'operational' || status === finalStatusOf(incident.kind) ? 'operational' : defaultComponentStatus(incident.kind);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (body.trim() === '') {
      setErrors({ body: t('incidents.form.bodyMissing') });
      return;
    }
    setErrors({});
    setSent(null);
    setBusy(true);
    try {
      await post.mutateAsync({
        status: status as NewIncidentUpdate['status'],
        body: body.trim(),
        components: choiceBody(listed, chosen),
        reply_on_linked_tickets: reply && incident.linked_tickets > 0,
        notify,
      });
      setBody('');
      setChosen(new Map());
      setReply(false);
      setSent(t('incidents.detail.updatePosted', { status: incidentStatusLabel(status, intl), replied: reply && incident.linked_tickets > 0 ? incident.linked_tickets : 0 }));
    } catch (caught) {
      setErrors(errorsFrom(caught, FIELDS));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="update-heading" className="panel">
      <h2 id="update-heading">{t('incidents.detail.postUpdate')}</h2>
      <div aria-live="polite">{sent && <p className="notice notice-ok">{sent}</p>}</div>
      <form className="stacked-form" onSubmit={submit} noValidate aria-labelledby="update-heading">
        <SelectField id="update-status" label={t('incidents.form.status')} value={status} onChange={setStatus} choices={statuses.map((id) => ({ id, label: incidentStatusLabel(id, intl) }))} error={errors.status} />
        <TextArea id="update-body" label={t('incidents.form.message')} hint={t('incidents.form.messageHint')} value={body} onChange={setBody} error={errors.body} required rows={4} />
        <ComponentStatusPicker
          id="update-components"
          legend={t('incidents.detail.componentChanges')}
          hint={t('incidents.detail.componentChangesHint')}
          components={listed}
          value={chosen}
          onChange={setChosen}
          fresh={fresh}
          error={errors.components}
        />
        {incident.linked_tickets > 0 && (
          <CheckField id="update-reply" label={t('incidents.detail.replyOnTickets', { count: incident.linked_tickets })} hint={t('incidents.detail.replyOnTicketsHint')} checked={reply} onChange={setReply} />
        )}
        <CheckField id="update-notify" label={t('incidents.form.notify')} hint={t(incident.draft ? 'incidents.detail.notifyDraftHint' : 'incidents.form.notifyHint')} checked={notify} onChange={setNotify} disabled={incident.draft} />
        <FormActions label={t('incidents.detail.post')} busy={busy} error={errors['']} />
      </form>
    </section>
  );
}
