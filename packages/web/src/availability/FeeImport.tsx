import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { ApiError, messageOf } from '../api/client.js';
import { http, ok } from '../api/http.js';
import { ErrorNotice } from '../shared/feedback.js';
import { availabilityKeys } from './queries.js';

/** Admin: fees per account, component and month from a CSV text (pasted or read from a file); all lines or none. */
export function FeeImport() {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const [text, setText] = useState('account,component,month,amount,currency\n');
  const [notice, setNotice] = useState<{ ok: boolean; text: string; issues?: { path: string; message: string }[] } | null>(null);
  const queryClient = useQueryClient();
  const upload = useMutation({
    mutationFn: (csv: string) =>
      ok(
        http.POST('/api/v1/availability/fees/import', {
          body: csv as never,
          bodySerializer: (body: unknown) => body,
          headers: { 'content-type': 'text/csv' },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: availabilityKeys.all }),
  });
  return (
    <section aria-labelledby="fees-heading" className="panel">
      <h2 id="fees-heading">{t('availability.account.feesHeading')}</h2>
      <p className="hint" id="fees-hint">
        {t('availability.account.feesHint')}
      </p>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          setNotice(null);
          try {
            const result = await upload.mutateAsync(text);
            setNotice({ ok: true, text: t('availability.account.feesImported', { count: result.imported }) });
          } catch (error) {
            setNotice({ ok: false, text: t('availability.account.feesFailed', { reason: messageOf(error) }), issues: error instanceof ApiError ? error.issues : [] });
          }
        }}
      >
        <div className="field">
          <label htmlFor="fees-file">{t('availability.account.feesFile')}</label>
          <input
            id="fees-file"
            type="file"
            accept=".csv,text/csv"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              if (file) setText(await file.text());
            }}
          />
        </div>
        <div className="field">
          <label htmlFor="fees-csv">{t('availability.account.feesText')}</label>
          <textarea id="fees-csv" rows={6} value={text} aria-describedby="fees-hint" onChange={(e) => setText(e.target.value)} />
        </div>
        <button type="submit" disabled={upload.isPending}>
          {t('availability.account.feesImport')}
        </button>
      </form>
      <div aria-live="polite">{notice?.ok && <p className="ok-text">{notice.text}</p>}</div>
      {notice && !notice.ok && <ErrorNotice message={notice.text} issues={notice.issues ?? []} />}
    </section>
  );
}
