import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { ApiError, fieldOf, messageOf } from '../api/client.js';
import { activeIntl } from '../i18n/active.js';
import { ErrorNotice } from './feedback.js';

/** Messages per request field, with the form's general message under `''`. */
export type FieldErrors = Record<string, string>;

/**
 * The refusal of a request as messages at its fields: `body.url` goes to `url`, and
 * `body.working_hours.mon.0.to` to `working_hours.mon` when `group` keeps two levels of that field.
 * Issues about fields the form does not show, and any other failure, go to `''`.
 */
export function errorsFrom(error: unknown, shown: readonly string[]): FieldErrors {
  if (!(error instanceof ApiError) || error.issues.length === 0) return { '': messageOf(error) };
  const errors: FieldErrors = {};
  const add = (field: string, message: string) => {
    errors[field] = errors[field] ? `${errors[field]} ${message}` : message;
  };
  for (const issue of error.issues) {
    const path = fieldOf(issue.path);
    const field = [...shown].sort((a, b) => b.length - a.length).find((f) => path === f || path.startsWith(`${f}.`));
    if (field !== undefined) add(field, issue.message);
    else add('', activeIntl().formatMessage({ id: 'shared.fields.issueAt' }, { field: path, message: issue.message }));
  }
  if (!errors['']) errors[''] = activeIntl().formatMessage({ id: 'shared.fields.someFieldsNeedChange' });
  return errors;
}

export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="field-error">
      {message}
    </p>
  );
}

/** A labelled text input with its hint and its error beneath it. */
export function TextField(props: {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: string;
  type?: 'text' | 'datetime-local';
  inputMode?: 'url' | 'text';
  list?: string;
  required?: boolean;
}) {
  const intl = useIntl();
  const described = [props.hint ? `${props.id}-hint` : null, props.error ? `${props.id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={props.id}>
        {props.label}
        {props.required && <span className="required"> {intl.formatMessage({ id: 'shared.fields.required' })}</span>}
      </label>
      {props.hint && (
        <p id={`${props.id}-hint`} className="hint">
          {props.hint}
        </p>
      )}
      <input
        id={props.id}
        type={props.type ?? 'text'}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={described}
        aria-required={props.required || undefined}
        {...(props.list && { list: props.list })}
        {...(props.inputMode && { inputMode: props.inputMode })}
      />
      <FieldError id={`${props.id}-error`} message={props.error} />
    </div>
  );
}

/** The end of an admin form: its general error, the submit button (busy while saving) and Cancel. */
export function FormActions({ label, busy, error, onCancel }: { label: string; busy: boolean; error: string | undefined; onCancel?: (() => void) | undefined }) {
  const intl = useIntl();
  return (
    <>
      {error && <ErrorNotice message={error} />}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? intl.formatMessage({ id: 'shared.fields.saving' }) : label}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {intl.formatMessage({ id: 'shared.fields.cancel' })}
          </button>
        )}
      </div>
    </>
  );
}
