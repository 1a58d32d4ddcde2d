import type { Ref } from 'react';
import type { Choice } from '../accounts/account-form.js';
import { FieldError } from './fields.js';

/** A labelled select with its hint and its error beneath it; `none` adds an empty choice with that label. */
export function SelectField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  choices: readonly Choice[];
  none?: string;
  error?: string | undefined;
  hint?: string;
  selectRef?: Ref<HTMLSelectElement>;
}) {
  const described = [props.hint ? `${props.id}-hint` : null, props.error ? `${props.id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      {props.hint && (
        <p id={`${props.id}-hint`} className="hint">
          {props.hint}
        </p>
      )}
      <select
        ref={props.selectRef}
        id={props.id}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={described}
      >
        {props.none !== undefined && <option value="">{props.none}</option>}
        {props.choices.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label}
          </option>
        ))}
      </select>
      <FieldError id={`${props.id}-error`} message={props.error} />
    </div>
  );
}
