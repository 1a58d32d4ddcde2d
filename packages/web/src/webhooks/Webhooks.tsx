import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
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

/** Webhook endpoints: list, add (the secret shown once), change, switch off, delete, and each one's delivery log. */
export function WebhooksSection() {
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
      setNotice({ ok: true, text: `${saved.url} is ${active ? 'active again' : 'switched off; it keeps its log'}.` });
    } catch (caught) {
      setNotice({ ok: false, text: messageOf(caught) });
    }
  };

  const remove = async (webhook: Webhook) => {
    try {
      await deleteOne.mutateAsync(webhook);
      setMode({ kind: 'none' });
      setNotice({ ok: true, text: `${webhook.url} and its delivery log are deleted.` });
    } catch (caught) {
      setNotice({ ok: false, text: messageOf(caught) });
    }
  };

  const action = (label: string, webhook: Webhook, onClick: () => void) => (
    <button type="button" onClick={onClick} aria-label={`${label}: ${webhook.url}`}>
      {label}
    </button>
  );

  return (
    <>
      <section aria-labelledby="webhooks-heading" className="panel">
        <h2 id="webhooks-heading">Webhook endpoints</h2>
        <p className="hint">Each event is POSTed to every active endpoint that takes it, signed with the endpoint's secret (Hourglass-Signature header).</p>
        <div aria-live="polite">{notice && <p className={notice.ok ? 'ok-text' : 'field-error'}>{notice.text}</p>}</div>
        {created?.secret && <SecretNotice webhook={created} onDone={() => setCreated(null)} />}
        <Await query={webhooks}>
          {() =>
            items.length === 0 ? (
              <Empty>No webhook endpoints yet; add one below.</Empty>
            ) : (
              <DataTable label="Webhook endpoint list" columns={['URL', 'Events', 'State', 'Added', 'Actions']}>
                {items.map((w) => (
                  <tr key={w.id}>
                    <td>
                      <code className="url">{w.url}</code>
                      {w.description && <div className="muted small">{w.description}</div>}
                    </td>
                    <td>{eventsText(w.events)}</td>
                    <td>{w.active ? 'active' : 'inactive'}</td>
                    <td>
                      <time dateTime={w.created_at}>{formatInstant(w.created_at, zone)}</time>
                    </td>
                    <td>
                      <div className="actions">
                        {action('Delivery log', w, () => setMode({ kind: 'log', id: w.id }))}
                        {action('Edit', w, () => setMode({ kind: 'edit', id: w.id }))}
                        {action(w.active ? 'Deactivate' : 'Activate', w, () => void setActive(w, !w.active))}
                        {action('Delete', w, () => setMode({ kind: 'delete', id: w.id }))}
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
            <h3>Change {chosen.url}</h3>
            <WebhookForm
              key={chosen.id}
              webhook={chosen}
              onCancel={() => setMode({ kind: 'none' })}
              onSaved={(saved) => {
                setMode({ kind: 'none' });
                setNotice({ ok: true, text: `${saved.url} is saved.` });
              }}
            />
          </div>
        )}
        {chosen && mode.kind === 'log' && <WebhookDeliveries key={chosen.id} webhook={chosen} />}
      </section>
      <section aria-labelledby="webhook-add-heading" className="panel">
        <h2 id="webhook-add-heading">Add an endpoint</h2>
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
        <strong>{webhook.url} is added.</strong> Its signing secret is shown only now; store it with the receiver:
      </p>
      <p>
        <code className="secret-value">{webhook.secret}</code>
      </p>
      <button type="button" onClick={onDone}>
        I have stored the secret
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
        Delete {webhook.url} and its delivery log? Events are no longer sent to it, and this cannot be undone.
      </p>
      <div className="actions">
        <button ref={first} type="button" onClick={onCancel}>
          Keep it
        </button>
        <button type="button" className="danger" onClick={onConfirm}>
          Delete the endpoint
        </button>
      </div>
    </div>
  );
}
