import { useIntl } from 'react-intl';
import { FieldError } from '../shared/fields.js';

/** A labelled textarea with its hint and its error beneath it. */
export function TextArea(props: { id: string; label: string; value: string; onChange: (value: string) => void; error?: string | undefined; hint?: string; required?: boolean; rows?: number }) {
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
      <textarea
        id={props.id}
        rows={props.rows ?? 5}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={described}
        aria-required={props.required || undefined}
      />
      <FieldError id={`${props.id}-error`} message={props.error} />
    </div>
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
