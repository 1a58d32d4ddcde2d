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

interface FieldFrame {
  id: string;
  label: ReactNode;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean | undefined;
}

/** What a control of a field says of itself: its invalid state and what describes it (hint, error). */
function controlAria(props: FieldFrame) {
  const described = [props.hint ? `${props.id}-hint` : null, props.error ? `${props.id}-error` : null].filter(Boolean).join(' ') || undefined;
  return { 'aria-invalid': props.error ? true : undefined, 'aria-describedby': described, 'aria-required': props.required || undefined } as const;
}

/** A field's label (marked when required), hint, control and error beneath it. */
function Field(props: FieldFrame & { children: ReactNode }) {
  const intl = useIntl();
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
      {props.children}
      <FieldError id={`${props.id}-error`} message={props.error} />
    </div>
  );
}

/** A labelled text input with its hint and its error beneath it. */
export function TextField(
  props: FieldFrame & {
    value: string;
    onChange: (value: string) => void;
    type?: 'text' | 'datetime-local';
    inputMode?: 'url' | 'text';
    list?: string;
  },
) {
  return (
    <Field {...props}>
      <input
        id={props.id}
        type={props.type ?? 'text'}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        {...controlAria(props)}
        {...(props.list && { list: props.list })}
        {...(props.inputMode && { inputMode: props.inputMode })}
      />
    </Field>
  );
}

/** A labelled textarea with its hint and its error beneath it. */
export function TextArea(props: FieldFrame & { value: string; onChange: (value: string) => void; rows?: number }) {
  return (
    <Field {...props}>
      <textarea id={props.id} rows={props.rows ?? 5} value={props.value} onChange={(e) => props.onChange(e.target.value)} {...controlAria(props)} />
    </Field>
  );
}

/** A checkbox with its hint. */
export function CheckField({ id, label, hint, checked, onChange, disabled }: { id: string; label: string; hint?: string; checked: boolean; onChange: (on: boolean) => void; disabled?: boolean }) {
  return (
    <div className="field">
      <label className="check">
        <input id={id} type="checkbox" checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} aria-describedby={hint ? `${id}-hint` : undefined} /> {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
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
