import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { messageOf } from '../api/client.js';
import { ok, uploadAttachment } from '../api/http.js';
import { formatInstant } from '../time/format.js';
import { Await } from '../shared/feedback.js';
import { attachmentProblem, formatSize, MAX_ATTACHMENT_BYTES } from './attachment-checks.js';
import { useActionKey } from '../shared/hooks.js';
import { useWrite } from '../shared/query.js';
import { attachmentsQuery, ticketKeys } from './queries.js';

/** The files attached to a ticket, each downloadable, and a form to attach another one. */
export function Attachments({ ticketId, zone, canUpload, onUploaded }: { ticketId: string; zone: string; canUpload: boolean; onUploaded?: () => void }) {
  const intl = useIntl();
  const attachments = useQuery(attachmentsQuery(ticketId));
  const upload = useWrite(({ file, key }: { file: File; key: string }) => ok(uploadAttachment(ticketId, file, key)), () => [ticketKeys.detail(ticketId)]);
  const input = useRef<HTMLInputElement | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const action = useActionKey();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    const file = input.current?.files?.[0];
    if (!file) {
      setError(intl.formatMessage({ id: 'tickets.attachments.noFile' }));
      return;
    }
    const problem = attachmentProblem(file);
    if (problem) {
      setError(problem);
      return;
    }
    setError(null);
    setBusy(true);
    try {
      const saved = await action.run((key) => upload.mutateAsync({ file, key }), `${file.name}|${file.size}|${file.lastModified}`);
      setDone(intl.formatMessage({ id: 'tickets.attachments.attached' }, { name: saved.filename }));
      if (input.current) input.current.value = '';
      onUploaded?.();
    } catch (caught) {
      setError(intl.formatMessage({ id: 'tickets.attachments.failed' }, { name: file.name, reason: messageOf(caught) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="attachments-heading" className="panel">
      <h2 id="attachments-heading">
        <FormattedMessage id="tickets.attachments.heading" />
      </h2>
      <Await query={attachments} label={intl.formatMessage({ id: 'tickets.attachments.loading' })}>
        {({ items }) =>
          items.length === 0 ? (
            <p className="muted">
              <FormattedMessage id="tickets.attachments.empty" />
            </p>
          ) : (
            <ul className="attachments">
              {items.map((a) => (
                <li key={a.id}>
                  <a href={a.download_url} download={a.filename}>
                    {a.filename}
                  </a>{' '}
                  <span className="muted">
                    <FormattedMessage
                      id="tickets.attachments.details"
                      values={{ size: formatSize(a.size), time: <time dateTime={a.created_at}>{formatInstant(a.created_at, zone)}</time> }}
                    />
                  </span>
                </li>
              ))}
            </ul>
          )
        }
      </Await>
      {canUpload && (
        <form className="stacked-form" onSubmit={submit} noValidate>
          <div className="field">
            <label htmlFor="attachment-file">
              <FormattedMessage id="tickets.attachments.fileLabel" />
            </label>
            <input
              id="attachment-file"
              type="file"
              ref={input}
              onChange={() => {
                setError(null);
                setDone(null);
              }}
              aria-describedby={`attachment-hint${error ? ' attachment-error' : ''}`}
              aria-invalid={error ? true : undefined}
            />
            <p id="attachment-hint" className="hint">
              <FormattedMessage id="tickets.attachments.hint" values={{ limit: formatSize(MAX_ATTACHMENT_BYTES) }} />
            </p>
            {error && (
              <p id="attachment-error" className="field-error" role="alert">
                {error}
              </p>
            )}
          </div>
          <div className="actions">
            <button type="submit" disabled={busy}>
              {intl.formatMessage({ id: busy ? 'tickets.attachments.attaching' : 'tickets.attachments.attach' })}
            </button>
            {done && (
              <span role="status" className="ok-text">
                {done}
              </span>
            )}
          </div>
        </form>
      )}
    </section>
  );
}
