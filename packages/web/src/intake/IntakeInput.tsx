import { useIntl } from 'react-intl';
import type { IntakeFieldSpec } from '../api/types.js';
import { type GuidanceContext, guideField, sidFormatHint } from './guidance.js';
import { verdictText } from './verdict-text.js';

/** A `datetime-local` value (the browser's zone) as an instant the service reads; other text as it is. */
export function toInstant(local: string): string {
  const time = new Date(local).getTime();
  return Number.isNaN(time) ? local : new Date(time).toISOString();
}

export function FieldError({ id, message }: { id: string; message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="field-error">
      {message}
    </p>
  );
}

/** One intake field of a product form, with its help, format hint, live guidance and the service's error. */
export function IntakeInput(props: { field: IntakeFieldSpec; value: string; onChange: (v: string) => void; context: GuidanceContext; serverError: string | null }) {
  const { field, value, onChange, context, serverError } = props;
  const intl = useIntl();
  const guidance = guideField(field, value, context);
  const formatHint = field.type === 'sid_list' ? sidFormatHint(field.sid_prefixes ?? [], context) : null;
  const format = formatHint && verdictText(intl, formatHint);
  const id = `intake-${field.id}`;
  const described = [field.help ? `${id}-help` : null, format ? `${id}-format` : null, `${id}-guidance`, serverError ? `${id}-error` : null].filter(Boolean).join(' ');
  const common = { id, 'aria-describedby': described, 'aria-invalid': serverError || guidance?.tone === 'error' ? true : undefined, 'aria-required': field.required || undefined };
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  let input;
  switch (field.type) {
    case 'textarea':
      input = <textarea rows={3} value={value} onChange={(e) => onChange(e.target.value)} {...common} />;
      break;
    case 'select':
      input = (
        <select value={value} onChange={(e) => onChange(e.target.value)} {...common}>
          <option value="">{intl.formatMessage({ id: 'intake.input.chooseOption' })}</option>
          {(field.options ?? []).map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      );
      break;
    case 'datetime':
      input = <input type="datetime-local" value={value} onChange={(e) => onChange(e.target.value)} {...common} />;
      break;
    case 'phone':
      input = <input type="tel" inputMode="tel" autoComplete="off" value={value} onChange={(e) => onChange(e.target.value)} {...common} />;
      break;
    case 'sid_list':
      input = <textarea rows={2} spellCheck={false} value={value} onChange={(e) => onChange(e.target.value)} {...common} />;
      break;
    default:
      input = <input type="text" value={value} onChange={(e) => onChange(e.target.value)} {...common} />;
  }
  return (
    <div className="field">
      <label htmlFor={id}>
        {field.label}
        {field.required && <span className="required"> {intl.formatMessage({ id: 'intake.input.required' })}</span>}
        {field.type === 'datetime' && <span className="muted"> {intl.formatMessage({ id: 'intake.input.localTime' }, { zone: browserZone })}</span>}
        {field.type === 'sid_list' && <span className="muted"> {intl.formatMessage({ id: 'intake.input.sidListHint' })}</span>}
      </label>
      {input}
      {field.help && (
        <p id={`${id}-help`} className="hint">
          {field.help}
        </p>
      )}
      {format && (
        <p id={`${id}-format`} className="hint">
          {format}
        </p>
      )}
      <p id={`${id}-guidance`} className={`guidance guidance-${guidance?.tone ?? 'none'}`} aria-live="polite">
        {guidance ? verdictText(intl, guidance.message) : ''}
      </p>
      <FieldError id={`${id}-error`} message={serverError} />
    </div>
  );
}
