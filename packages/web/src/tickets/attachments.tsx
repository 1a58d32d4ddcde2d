import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
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
      setError('Choose a file to attach.');
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
      setDone(`${saved.filename} attached.`);
      if (input.current) input.current.value = '';
      onUploaded?.();
    } catch (caught) {
      setError(`${file.name} was not attached: ${messageOf(caught)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="attachments-heading" className="panel">
      <h2 id="attachments-heading">Attachments</h2>
      <Await query={attachments}>
        {({ items }) =>
          items.length === 0 ? (
            <p className="muted">No files attached.</p>
          ) : (
            <ul className="attachments">
              {items.map((a) => (
                <li key={a.id}>
                  <a href={a.download_url} download={a.filename}>
                    {a.filename}
                  </a>{' '}
                  <span className="muted">
                    ({formatSize(a.size)}, <time dateTime={a.created_at}>{formatInstant(a.created_at, zone)}</time>)
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
            <label htmlFor="attachment-file">Attach a file</label>
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
              Up to {formatSize(MAX_ATTACHMENT_BYTES)} per file: logs, screenshots, HAR files.
            </p>
            {error && (
              <p id="attachment-error" className="field-error" role="alert">
                {error}
              </p>
            )}
          </div>
          <div className="actions">
            <button type="submit" disabled={busy}>
              {busy ? 'Attaching…' : 'Attach'}
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
