import { type FormEvent, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { http, ok } from '../api/http.js';
import type { CreatedWebhook, Webhook, WebhookEvent } from '../api/types.js';
import { errorsFrom, FieldError, type FieldErrors, TextField, FormActions } from '../shared/fields.js';
import { useWrite } from '../shared/query.js';
import { webhookKeys } from './queries.js';
import { eventLabel, WEBHOOK_EVENTS } from './webhook-events.js';

const FIELDS = ['url', 'description', 'events', 'active'] as const;

/**
 * Adds an endpoint (`webhook` absent) or changes one. The service checks the URL; its refusal is
 * shown at the field. A new endpoint's answer carries the signing secret, handed to `onSaved`.
 */
export function WebhookForm({ webhook, onSaved, onCancel }: { webhook?: Webhook; onSaved: (saved: Webhook | CreatedWebhook) => void; onCancel?: () => void }) {
  const intl = useIntl();
  const prefix = webhook ? `webhook-${webhook.id}` : 'webhook-new';
  const [url, setUrl] = useState(webhook?.url ?? '');
  const [description, setDescription] = useState(webhook?.description ?? '');
  const [events, setEvents] = useState<WebhookEvent[]>(webhook?.events ?? []);
  const [active, setActive] = useState(webhook?.active ?? true);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const save = useWrite(async (fields: { url: string; description: string; events: WebhookEvent[]; active: boolean }): Promise<Webhook | CreatedWebhook> => {
    if (webhook) return ok(http.PATCH('/api/v1/webhooks/{id}', { params: { path: { id: webhook.id } }, body: { ...fields, description: fields.description || null } }));
    const { active: on, ...rest } = fields;
    const added = await ok(http.POST('/api/v1/webhooks', { body: { url: rest.url, ...(rest.description && { description: rest.description }), events: rest.events } }));
    // A new endpoint that starts switched off: switched off right after, keeping the secret to show.
    return on ? added : { ...(await ok(http.PATCH('/api/v1/webhooks/{id}', { params: { path: { id: added.id } }, body: { active: false } }))), secret: added.secret };
  }, () => [webhookKeys.all]);

  const toggle = (id: WebhookEvent, on: boolean) => setEvents((list) => (on ? [...list, id] : list.filter((e) => e !== id)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (url.trim() === '') {
      setErrors({ url: intl.formatMessage({ id: 'webhooks.form.urlMissing' }, { example: 'https://example.com/hooks/hourglass' }) });
      return;
    }
    setErrors({});
    setBusy(true);
    const ordered = WEBHOOK_EVENTS.filter((id) => events.includes(id));
    try {
      onSaved(await save.mutateAsync({ url: url.trim(), description: description.trim(), events: ordered, active }));
      if (!webhook) {
        setUrl('');
        setDescription('');
        setEvents([]);
        setActive(true);
      }
    } catch (caught) {
      setErrors(errorsFrom(caught, FIELDS));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="stacked-form"
      onSubmit={submit}
      noValidate
      aria-label={webhook ? intl.formatMessage({ id: 'webhooks.form.changeLabel' }, { url: webhook.url }) : intl.formatMessage({ id: 'webhooks.form.addLabel' })}
    >
      <TextField
        id={`${prefix}-url`}
        label={intl.formatMessage({ id: 'webhooks.form.url' })}
        required
        inputMode="url"
        value={url}
        onChange={setUrl}
        error={errors.url}
        hint={intl.formatMessage({ id: 'webhooks.form.urlHint' })}
      />
      <TextField id={`${prefix}-description`} label={intl.formatMessage({ id: 'webhooks.form.description' })} value={description} onChange={setDescription} error={errors.description} />
      <fieldset aria-describedby={`${prefix}-events-hint${errors.events ? ` ${prefix}-events-error` : ''}`}>
        <legend>
          <FormattedMessage id="webhooks.form.events" />
        </legend>
        <p id={`${prefix}-events-hint`} className="hint">
          <FormattedMessage id="webhooks.form.eventsHint" />
        </p>
        <ul className="plain checks">
          {WEBHOOK_EVENTS.map((id) => (
            <li key={id}>
              <label>
                <input type="checkbox" checked={events.includes(id)} onChange={(ev) => toggle(id, ev.target.checked)} /> <code>{id}</code>{' '}
                <span className="muted">{eventLabel(id, intl)}</span>
              </label>
            </li>
          ))}
        </ul>
        <FieldError id={`${prefix}-events-error`} message={errors.events} />
      </fieldset>
      <div className="field">
        <label className="check">
          <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} aria-describedby={`${prefix}-active-hint`} />{' '}
          <FormattedMessage id="webhooks.form.active" />
        </label>
        <p id={`${prefix}-active-hint`} className="hint">
          <FormattedMessage id="webhooks.form.activeHint" />
        </p>
        <FieldError id={`${prefix}-active-error`} message={errors.active} />
      </div>
      <FormActions label={intl.formatMessage({ id: webhook ? 'webhooks.form.save' : 'webhooks.form.add' })} busy={busy} error={errors['']} onCancel={onCancel} />
    </form>
  );
}
