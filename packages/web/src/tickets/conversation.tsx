import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { ApiError, messageOf } from '../api/client.js';
import { http, idempotent, ok } from '../api/http.js';
import { formatInstant } from '../time/format.js';
import { Await } from '../shared/feedback.js';
import { useActionKey } from '../shared/hooks.js';
import { useWrite } from '../shared/query.js';
import { commentsQuery, ticketKeys } from './queries.js';

/** The conversation of a ticket, oldest first; internal notes marked for staff. */
export function Conversation({ ticketId, zone, authorName }: { ticketId: string; zone: string; authorName: (id: string | null, role: string | null) => string }) {
  const intl = useIntl();
  const comments = useQuery(commentsQuery(ticketId));
  return (
    <section aria-labelledby="conversation-heading" className="panel">
      <h2 id="conversation-heading">
        <FormattedMessage id="tickets.conversation.heading" />
      </h2>
      <Await query={comments} label={intl.formatMessage({ id: 'tickets.conversation.loading' })}>
        {({ items }) =>
          items.length === 0 ? (
            <p className="muted">
              <FormattedMessage id="tickets.conversation.empty" />
            </p>
          ) : (
            <ol className="comments">
              {items.map((comment) => (
                <li key={comment.id} className={comment.public ? 'comment' : 'comment comment-internal'}>
                  <p className="comment-meta">
                    <strong>{authorName(comment.author_id, comment.author_role)}</strong>
                    {!comment.public && (
                      <span className="tag">
                        <FormattedMessage id="tickets.conversation.internalTag" />
                      </span>
                    )}
                    <time dateTime={comment.created_at}>{formatInstant(comment.created_at, zone)}</time>
                  </p>
                  <p className="comment-body">{comment.body}</p>
                </li>
              ))}
            </ol>
          )
        }
      </Await>
    </section>
  );
}

/** A reply box; staff may send it as an internal note instead. */
export function ReplyForm({ ticketId, allowInternal, onSent, textareaId = 'reply-body' }: { ticketId: string; allowInternal: boolean; onSent?: () => void; textareaId?: string }) {
  const intl = useIntl();
  const [body, setBody] = useState('');
  const [internal, setInternal] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const action = useActionKey();
  // A reply changes the ticket too (its status, its first-response target): everything of the ticket is read again.
  const send = useWrite(({ key, ...body }: { key: string; body: string; public: boolean }) => ok(http.POST('/api/v1/tickets/{id}/comments', { params: { path: { id: ticketId } }, body, headers: idempotent(key) })), () => [ticketKeys.all]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (body.trim() === '') {
      setError(intl.formatMessage({ id: 'tickets.reply.empty' }));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await action.run((key) => send.mutateAsync({ key, body, public: !internal }));
      setBody('');
      setSent(intl.formatMessage({ id: 'tickets.reply.sent' }, { kind: internal ? 'internal' : 'public' }));
      onSent?.();
    } catch (caught) {
      setError(caught instanceof ApiError && caught.issues.length > 0 ? caught.issues.map((i) => i.message).join(' ') : messageOf(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} className="panel reply" noValidate>
      <div className="field">
        <label htmlFor={textareaId}>{intl.formatMessage({ id: allowInternal ? 'tickets.reply.labelStaff' : 'tickets.reply.label' })}</label>
        <textarea
          id={textareaId}
          rows={4}
          value={body}
          onChange={(e) => {
            setBody(e.target.value);
            setSent(null);
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${textareaId}-error` : undefined}
        />
        {error && (
          <p id={`${textareaId}-error`} className="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
      {allowInternal && (
        <div className="field-inline">
          <input id={`${textareaId}-internal`} type="checkbox" checked={internal} onChange={(e) => setInternal(e.target.checked)} />
          <label htmlFor={`${textareaId}-internal`}>
            <FormattedMessage id="tickets.reply.internalLabel" />
          </label>
        </div>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {intl.formatMessage({ id: 'tickets.reply.submit' }, { kind: internal ? 'internal' : 'public' })}
        </button>
        {sent && (
          <span role="status" className="ok-text">
            {sent}
          </span>
        )}
      </div>
    </form>
  );
}
