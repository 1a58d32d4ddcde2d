import { useState } from 'react';
import { useIntl } from 'react-intl';
import { MONTH_PATTERN } from './format.js';

/** From and to months (YYYY-MM) of the figures shown; applied with the button. */
export function PeriodPicker({ from, to, onChange }: { from: string; to: string; onChange: (period: { from: string; to: string }) => void }) {
  const intl = useIntl();
  const [draft, setDraft] = useState({ from, to });
  const valid = MONTH_PATTERN.test(draft.from) && MONTH_PATTERN.test(draft.to) && draft.from <= draft.to;
  return (
    <form
      className="availability-period"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) onChange(draft);
      }}
    >
      <div className="field-inline">
        <label htmlFor="availability-from">{intl.formatMessage({ id: 'availability.attainment.from' })}</label>
        <input id="availability-from" type="month" value={draft.from} onChange={(e) => setDraft((d) => ({ ...d, from: e.target.value }))} />
      </div>
      <div className="field-inline">
        <label htmlFor="availability-to">{intl.formatMessage({ id: 'availability.attainment.to' })}</label>
        <input id="availability-to" type="month" value={draft.to} onChange={(e) => setDraft((d) => ({ ...d, to: e.target.value }))} />
      </div>
      <button type="submit" disabled={!valid}>
        {intl.formatMessage({ id: 'availability.attainment.show' })}
      </button>
    </form>
  );
}
