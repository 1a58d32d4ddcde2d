import { type ChangeEvent, type FormEvent, useEffect, useRef, useState } from 'react';
import { messageOf } from '../api/client.js';
import { http, ok } from '../api/http.js';
import type { PackValidation } from '../api/types.js';
import { ErrorNotice } from '../shared/feedback.js';

/** The most the service reads of one pack file. */
export const MAX_PACK_BYTES = 512 * 1024;

type Problem = PackValidation['problems'][number];

interface Checked {
  file: string;
  text: string;
  result: PackValidation;
}

/** Upload or paste a policy pack file and see every problem at its line. */
export function PackUpload() {
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
      setError(`${chosen.name} is ${Math.ceil(chosen.size / 1024)} KiB; a pack file may be at most 512 KiB. Split it or remove unused versions.`);
      event.target.value = '';
      return;
    }
    setFile(chosen.name);
    setText(await chosen.text());
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() === '') {
      setError('Choose a pack file or paste its YAML text first.');
      return;
    }
    if (new Blob([text]).size > MAX_PACK_BYTES) {
      setError('The text is larger than 512 KiB, the most a pack file may be.');
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
      <h2 id="upload-heading">Check a policy pack file</h2>
      <p className="hint">Choose a YAML pack file or paste its text. Every problem is listed at its line; nothing is installed.</p>
      <form className="stacked-form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="pack-file">Pack file</label>
          <input id="pack-file" type="file" accept=".yaml,.yml,text/yaml" onChange={(e) => void choose(e)} aria-describedby={error ? 'pack-error' : undefined} />
        </div>
        <div className="field">
          <label htmlFor="pack-text">Or paste the YAML text</label>
          <textarea id="pack-text" rows={8} spellCheck={false} className="code" value={text} onChange={(e) => setText(e.target.value)} aria-describedby={error ? 'pack-error' : undefined} />
        </div>
        {error && (
          <p id="pack-error" className="field-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? 'Checking…' : 'Check the pack'}
        </button>
      </form>
      {checked && <ValidationReport checked={checked} />}
    </section>
  );
}

function ValidationReport({ checked }: { checked: Checked }) {
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
          {file} is a valid pack: <strong>{pack.name}</strong> ({pack.id}), versions {pack.versions.join(', ')}; plans {pack.plans.join(', ')}; calendars{' '}
          {pack.calendars.join(', ')}.
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
  const count = result.problems.length;
  return (
    <div className="validation">
      <ErrorNotice message={`${file} has ${count} ${count === 1 ? 'problem' : 'problems'}; fix ${count === 1 ? 'it' : 'them'} and check again.`} />
      <ul className="problems">
        {result.problems.map((p, index) => (
          <li key={index}>
            {p.line !== null ? <a href={`#pack-line-${p.line}`}>Line {p.line}{p.column !== null ? `, column ${p.column}` : ''}</a> : <span>Whole file</span>}
            {p.path && <code> {p.path}</code>}: {p.message}
          </li>
        ))}
      </ul>
      {withoutLine.length === 0 && byLine.size === 0 ? null : (
        <ol ref={listing} className="listing" tabIndex={0} aria-label={`${file} with its problems marked`}>
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
                    <span className="visually-hidden">Problem on line {number}: </span>
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
