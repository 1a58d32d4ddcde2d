import { type FormEvent, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { messageOf } from '../api/client.js';
import { http, idempotent, ok } from '../api/http.js';
import { useSession } from '../session/session.js';
import { ErrorNotice } from '../shared/feedback.js';
import { errorsFrom, type FieldErrors, TextArea } from '../shared/fields.js';
import { useActionKey } from '../shared/hooks.js';
import { useWrite } from '../shared/query.js';
import { ticketKeys } from '../tickets/queries.js';
import { formatInstant } from '../time/format.js';
import { incidentKeys } from './queries.js';
import type { Incident } from './types.js';

/**
 * The Reason For Outage of a resolved incident: written in Markdown, saved and previewed as the
 * service renders it (the same safe HTML the status page and the tickets show), then published,
 * which relays it on the tickets of the affected accounts.
 */
export function RfoEditor({ incident }: { incident: Incident }) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const { zone } = useSession();
  const saved = incident.rfo?.markdown ?? '';
  const [markdown, setMarkdown] = useState(saved);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [publishError, setPublishError] = useState<string | null>(null);
  const save = useWrite((text: string) => ok(http.PUT('/api/v1/incidents/{id}/rfo', { params: { path: { id: incident.id } }, body: { markdown: text } })), () => [incidentKeys.all]);
  const action = useActionKey();
  const publish = useWrite((key: string) => ok(http.POST('/api/v1/incidents/{id}/rfo/publish', { params: { path: { id: incident.id } }, headers: idempotent(key) })), () => [incidentKeys.all, ticketKeys.all]);
  const changed = markdown.trim() !== saved.trim();
  const published = incident.rfo?.published_at ?? null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (markdown.trim() === '') {
      setErrors({ markdown: t('incidents.detail.rfoMissing') });
      return;
    }
    setErrors({});
    setNotice(null);
    setBusy(true);
    try {
      await save.mutateAsync(markdown);
      setNotice(t(published ? 'incidents.detail.rfoSavedPublished' : 'incidents.detail.rfoSaved'));
    } catch (caught) {
      setErrors(errorsFrom(caught, ['markdown']));
    } finally {
      setBusy(false);
    }
  };

  const publishRfo = async () => {
    setPublishError(null);
    setNotice(null);
    setBusy(true);
    try {
      // A retry after a lost answer resends the same key, so the RFO is relayed once.
      await action.run((key) => publish.mutateAsync(key));
      setNotice(t('incidents.detail.rfoPublished'));
    } catch (caught) {
      setPublishError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="rfo-heading" className="panel">
      <h2 id="rfo-heading">
        <FormattedMessage id="incidents.detail.rfo" />
      </h2>
      <p className="hint">
        {published ? (
          <FormattedMessage id="incidents.detail.rfoPublishedAt" values={{ time: <time dateTime={published}>{formatInstant(published, zone)}</time> }} />
        ) : (
          <FormattedMessage id="incidents.detail.rfoHint" />
        )}
      </p>
      <div aria-live="polite">{notice && <p className="notice notice-ok">{notice}</p>}</div>
      <form className="stacked-form" onSubmit={submit} noValidate aria-labelledby="rfo-heading">
        <TextArea id="rfo-markdown" label={t('incidents.detail.rfoMarkdown')} hint={t('incidents.detail.rfoMarkdownHint')} value={markdown} onChange={setMarkdown} error={errors.markdown} rows={12} />
        {errors[''] && <ErrorNotice message={errors['']} />}
        <div className="actions">
          <button type="submit" disabled={busy || !changed}>
            <FormattedMessage id="incidents.detail.rfoSave" />
          </button>
          {incident.rfo && !published && (
            <button type="button" className="primary" disabled={busy || changed} onClick={() => void publishRfo()} aria-describedby={changed ? 'rfo-unsaved' : undefined}>
              <FormattedMessage id="incidents.detail.rfoPublish" />
            </button>
          )}
        </div>
        {changed && incident.rfo && (
          <p id="rfo-unsaved" className="hint">
            <FormattedMessage id="incidents.detail.rfoUnsaved" />
          </p>
        )}
      </form>
      {publishError && <ErrorNotice message={publishError} />}
      {incident.rfo && (
        <div className="rfo-preview" role="region" aria-labelledby="rfo-preview-heading">
          <h3 id="rfo-preview-heading">
            <FormattedMessage id="incidents.detail.rfoPreview" />
          </h3>
          {/* The service renders the Markdown without raw HTML and with safe links only. */}
          <div className="rfo" dangerouslySetInnerHTML={{ __html: incident.rfo.html }} />
        </div>
      )}
    </section>
  );
}
