import { type ChangeEvent, type FormEvent, useEffect, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { messageOf } from '../api/client.js';
import { http, ok } from '../api/http.js';
import type { PackValidation } from '../api/types.js';
import { ErrorNotice } from '../shared/feedback.js';

/** The most the service reads of one pack file. */
export const MAX_PACK_BYTES = 512 * 1024;
const MAX_PACK_KIB = MAX_PACK_BYTES / 1024;

type Problem = PackValidation['problems'][number];

interface Checked {
  file: string;
  text: string;
  result: PackValidation;
}

/** Upload or paste a policy pack file and see every problem at its line. */
export function PackUpload() {
  const intl = useIntl();
  const [file, setFile] = useState('pack.yaml');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [checked, setChecked] = useState<Checked | null>(null);

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    setError(null);
    if (!chosen) return;
    if (chosen.size > MAX_PACK_BYTES) {
      setError(intl.formatMessage({ id: 'policy.upload.fileTooLarge' }, { file: chosen.name, size: Math.ceil(chosen.size / 1024), max: MAX_PACK_KIB }));
      event.target.value = '';
      return;
    }
    setFile(chosen.name);
    setText(await chosen.text());
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() === '') {
      setError(intl.formatMessage({ id: 'policy.upload.nothingChosen' }));
      return;
    }
    if (new Blob([text]).size > MAX_PACK_BYTES) {
      setError(intl.formatMessage({ id: 'policy.upload.textTooLarge' }, { max: MAX_PACK_KIB }));
      return;
    }
    setError(null);
    setBusy(true);
    try {
      const result = await ok(http.POST('/api/v1/policies/validate', { body: { file: file.trim() || 'pack.yaml', text } }));
      setChecked({ file: file.trim() || 'pack.yaml', text, result });
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="upload-heading" className="panel">
      <h2 id="upload-heading">
        <FormattedMessage id="policy.upload.heading" />
      </h2>
      <p className="hint">
        <FormattedMessage id="policy.upload.hint" />
      </p>
      <form className="stacked-form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="pack-file">
            <FormattedMessage id="policy.upload.file" />
          </label>
          <input id="pack-file" type="file" accept=".yaml,.yml,text/yaml" onChange={(e) => void choose(e)} aria-describedby={error ? 'pack-error' : undefined} />
        </div>
        <div className="field">
          <label htmlFor="pack-text">
            <FormattedMessage id="policy.upload.text" />
          </label>
          <textarea id="pack-text" rows={8} spellCheck={false} className="code" value={text} onChange={(e) => setText(e.target.value)} aria-describedby={error ? 'pack-error' : undefined} />
        </div>
        {error && (
          <p id="pack-error" className="field-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          <FormattedMessage id={busy ? 'policy.upload.checking' : 'policy.upload.check'} />
        </button>
      </form>
      {checked && <ValidationReport checked={checked} />}
    </section>
  );
}

function ProblemPlace({ problem }: { problem: Problem }) {
  if (problem.line === null) return <FormattedMessage id="policy.upload.wholeFile" />;
  return (
    <a href={`#pack-line-${problem.line}`}>
      {problem.column !== null ? (
        <FormattedMessage id="policy.upload.lineAndColumn" values={{ line: problem.line, column: problem.column }} />
      ) : (
        <FormattedMessage id="policy.upload.line" values={{ line: problem.line }} />
      )}
    </a>
  );
}

function ValidationReport({ checked }: { checked: Checked }) {
  const intl = useIntl();
  const { result, file, text } = checked;
  const listing = useRef<HTMLOListElement | null>(null);
  // Scroll the listing (not the page) so that the first marked line shows.
  useEffect(() => {
    const box = listing.current;
    const first = box?.querySelector<HTMLElement>('.problem-line');
    if (box && first) box.scrollTop = Math.max(0, first.offsetTop - box.offsetTop - box.clientHeight / 3);
  }, [checked]);
  if (result.valid && result.pack) {
    const pack = result.pack;
    return (
      <div className="notice notice-ok" role="status">
        <p>
          <FormattedMessage
            id="policy.upload.valid"
            values={{
              file,
              name: pack.name,
              id: pack.id,
              versions: pack.versions.join(', '),
              plans: pack.plans.join(', '),
              calendars: pack.calendars.join(', '),
              strong: (chunks) => <strong>{chunks}</strong>,
            }}
          />
        </p>
      </div>
    );
  }
  const byLine = new Map<number, Problem[]>();
  for (const problem of result.problems) {
    if (problem.line === null) continue;
    byLine.set(problem.line, [...(byLine.get(problem.line) ?? []), problem]);
  }
  const withoutLine = result.problems.filter((p) => p.line === null);
  return (
    <div className="validation">
      <ErrorNotice message={intl.formatMessage({ id: 'policy.upload.problemCount' }, { file, count: result.problems.length })} />
      <ul className="problems">
        {result.problems.map((p, index) => (
          <li key={index}>
            {p.path ? (
              <FormattedMessage id="policy.upload.problemAtPath" values={{ place: <ProblemPlace problem={p} />, path: <code>{p.path}</code>, message: p.message }} />
            ) : (
              <FormattedMessage id="policy.upload.problem" values={{ place: <ProblemPlace problem={p} />, message: p.message }} />
            )}
          </li>
        ))}
      </ul>
      {withoutLine.length === 0 && byLine.size === 0 ? null : (
        <ol ref={listing} className="listing" tabIndex={0} aria-label={intl.formatMessage({ id: 'policy.upload.listing' }, { file })}>
          {text.split(/\r?\n/).map((line, index) => {
            const number = index + 1;
            const problems = byLine.get(number);
            return (
              <li key={number} id={`pack-line-${number}`} className={problems ? 'problem-line' : undefined} value={number}>
                <span className="line-number" aria-hidden="true">
                  {number}
                </span>
                <code className="line-text">{line === '' ? ' ' : line}</code>
                {problems && (
                  <span className="line-problems">
                    <span className="visually-hidden">
                      <FormattedMessage id="policy.upload.problemOnLine" values={{ line: number }} />{' '}
                    </span>
                    {problems.map((p) => p.message).join(' ')}
                  </span>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
