import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { messageOf } from '../api/client.js';
import { http, ok } from '../api/http.js';
import type { CreatedWebhook, Webhook } from '../api/types.js';
import { useSession } from '../session/session.js';
import { formatInstant } from '../time/format.js';
import { Await, Empty } from '../shared/feedback.js';
import { useWrite } from '../shared/query.js';
import { webhookKeys, webhooksQuery } from './queries.js';
import { DataTable } from '../shared/DataTable.js';
import { WebhookDeliveries } from './WebhookDeliveries.js';
import { WebhookForm } from './WebhookForm.js';
import { eventsText } from './webhook-events.js';

type Mode = { kind: 'none' } | { kind: 'edit'; id: string } | { kind: 'delete'; id: string } | { kind: 'log'; id: string };

/** The row actions: the button's words, and its name for a screen reader (with the endpoint's URL). */
const ACTIONS = {
  log: { label: 'webhooks.list.deliveryLog', named: 'webhooks.list.deliveryLogUrl' },
  edit: { label: 'webhooks.list.edit', named: 'webhooks.list.editUrl' },
  activate: { label: 'webhooks.list.activate', named: 'webhooks.list.activateUrl' },
  deactivate: { label: 'webhooks.list.deactivate', named: 'webhooks.list.deactivateUrl' },
  delete: { label: 'webhooks.list.delete', named: 'webhooks.list.deleteUrl' },
} as const;

/** Webhook endpoints: list, add (the secret shown once), change, switch off, delete, and each one's delivery log. */
export function WebhooksSection() {
  const intl = useIntl();
  const { zone } = useSession();
  const webhooks = useQuery(webhooksQuery);
  const affected = () => [webhookKeys.all];
  const switchOn = useWrite(({ webhook, active }: { webhook: Webhook; active: boolean }) => ok(http.PATCH('/api/v1/webhooks/{id}', { params: { path: { id: webhook.id } }, body: { active } })), affected);
  const deleteOne = useWrite((webhook: Webhook) => ok(http.DELETE('/api/v1/webhooks/{id}', { params: { path: { id: webhook.id } } })), affected);
  const [mode, setMode] = useState<Mode>({ kind: 'none' });
  const [created, setCreated] = useState<CreatedWebhook | null>(null);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const items = webhooks.data?.items ?? [];
  const chosen = mode.kind === 'none' ? undefined : items.find((w) => w.id === mode.id);

  const setActive = async (webhook: Webhook, active: boolean) => {
    try {
      const saved = await switchOn.mutateAsync({ webhook, active });
      setNotice({ ok: true, text: intl.formatMessage({ id: active ? 'webhooks.list.activated' : 'webhooks.list.deactivated' }, { url: saved.url }) });
    } catch (caught) {
      setNotice({ ok: false, text: messageOf(caught) });
    }
  };

  const remove = async (webhook: Webhook) => {
    try {
      await deleteOne.mutateAsync(webhook);
      setMode({ kind: 'none' });
      setNotice({ ok: true, text: intl.formatMessage({ id: 'webhooks.list.deleted' }, { url: webhook.url }) });
    } catch (caught) {
      setNotice({ ok: false, text: messageOf(caught) });
    }
  };

  const action = (kind: keyof typeof ACTIONS, webhook: Webhook, onClick: () => void) => (
    <button type="button" onClick={onClick} aria-label={intl.formatMessage({ id: ACTIONS[kind].named }, { url: webhook.url })}>
      {intl.formatMessage({ id: ACTIONS[kind].label })}
    </button>
  );

  const columns = [
    intl.formatMessage({ id: 'webhooks.list.urlColumn' }),
    intl.formatMessage({ id: 'webhooks.list.eventsColumn' }),
    intl.formatMessage({ id: 'webhooks.list.stateColumn' }),
    intl.formatMessage({ id: 'webhooks.list.addedColumn' }),
    intl.formatMessage({ id: 'webhooks.list.actionsColumn' }),
  ];

  return (
    <>
      <section aria-labelledby="webhooks-heading" className="panel">
        <h2 id="webhooks-heading">
          <FormattedMessage id="webhooks.list.heading" />
        </h2>
        <p className="hint">
          <FormattedMessage id="webhooks.list.hint" />
        </p>
        <div aria-live="polite">{notice && <p className={notice.ok ? 'ok-text' : 'field-error'}>{notice.text}</p>}</div>
        {created?.secret && <SecretNotice webhook={created} onDone={() => setCreated(null)} />}
        <Await query={webhooks} label={intl.formatMessage({ id: 'webhooks.list.loading' })}>
          {() =>
            items.length === 0 ? (
              <Empty>
                <FormattedMessage id="webhooks.list.empty" />
              </Empty>
            ) : (
              <DataTable label={intl.formatMessage({ id: 'webhooks.list.label' })} columns={columns}>
                {items.map((w) => (
                  <tr key={w.id}>
                    <td>
                      <code className="url">{w.url}</code>
                      {w.description && <div className="muted small">{w.description}</div>}
                    </td>
                    <td>{eventsText(w.events, intl)}</td>
                    <td>{intl.formatMessage({ id: w.active ? 'webhooks.list.active' : 'webhooks.list.inactive' })}</td>
                    <td>
                      <time dateTime={w.created_at}>{formatInstant(w.created_at, zone)}</time>
                    </td>
                    <td>
                      <div className="actions">
                        {action('log', w, () => setMode({ kind: 'log', id: w.id }))}
                        {action('edit', w, () => setMode({ kind: 'edit', id: w.id }))}
                        {action(w.active ? 'deactivate' : 'activate', w, () => void setActive(w, !w.active))}
                        {action('delete', w, () => setMode({ kind: 'delete', id: w.id }))}
                      </div>
                    </td>
                  </tr>
                ))}
              </DataTable>
            )
          }
        </Await>
        {chosen && mode.kind === 'delete' && <ConfirmDelete webhook={chosen} onConfirm={() => void remove(chosen)} onCancel={() => setMode({ kind: 'none' })} />}
        {chosen && mode.kind === 'edit' && (
          <div className="edit-box">
            <h3>
              <FormattedMessage id="webhooks.list.editHeading" values={{ url: chosen.url }} />
            </h3>
            <WebhookForm
              key={chosen.id}
              webhook={chosen}
              onCancel={() => setMode({ kind: 'none' })}
              onSaved={(saved) => {
                setMode({ kind: 'none' });
                setNotice({ ok: true, text: intl.formatMessage({ id: 'webhooks.list.saved' }, { url: saved.url }) });
              }}
            />
          </div>
        )}
        {chosen && mode.kind === 'log' && <WebhookDeliveries key={chosen.id} webhook={chosen} />}
      </section>
      <section aria-labelledby="webhook-add-heading" className="panel">
        <h2 id="webhook-add-heading">
          <FormattedMessage id="webhooks.list.addHeading" />
        </h2>
        <WebhookForm
          onSaved={(saved) => {
            if ('secret' in saved) setCreated(saved);
            setNotice(null);
          }}
        />
      </section>
    </>
  );
}

function SecretNotice({ webhook, onDone }: { webhook: CreatedWebhook; onDone: () => void }) {
  const box = useRef<HTMLDivElement | null>(null);
  useEffect(() => box.current?.focus(), []);
  return (
    <div ref={box} className="notice notice-ok secret" role="status" tabIndex={-1} aria-labelledby="secret-heading">
      <p id="secret-heading">
        <FormattedMessage id="webhooks.list.created" values={{ url: webhook.url, strong: (chunks) => <strong>{chunks}</strong> }} />
      </p>
      <p>
        <code className="secret-value">{webhook.secret}</code>
      </p>
      <button type="button" onClick={onDone}>
        <FormattedMessage id="webhooks.list.secretStored" />
      </button>
    </div>
  );
}

function ConfirmDelete({ webhook, onConfirm, onCancel }: { webhook: Webhook; onConfirm: () => void; onCancel: () => void }) {
  const first = useRef<HTMLButtonElement | null>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <div className="notice notice-warning" role="group" aria-labelledby="confirm-delete-text">
      <p id="confirm-delete-text">
        <FormattedMessage id="webhooks.list.confirmDelete" values={{ url: webhook.url }} />
      </p>
      <div className="actions">
        <button ref={first} type="button" onClick={onCancel}>
          <FormattedMessage id="webhooks.list.keep" />
        </button>
        <button type="button" className="danger" onClick={onConfirm}>
          <FormattedMessage id="webhooks.list.deleteConfirmed" />
        </button>
      </div>
    </div>
  );
}
