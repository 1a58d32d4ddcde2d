import type { Dispatch, SetStateAction } from 'react';
import { FormattedMessage } from 'react-intl';
import { FieldError, type FieldErrors } from '../shared/fields.js';
import { overnightNote, WEEKDAY_KEYS, weekdayLabel, type WeeklyText } from './weekly-hours.js';

/** A text field per weekday, each with its message and, for hours past midnight, the day and time they end. */
export function WeeklyHoursField({ week, setWeek, errors }: { week: WeeklyText; setWeek: Dispatch<SetStateAction<WeeklyText>>; errors: FieldErrors }) {
  const dayError = (day: string) => errors[`working_hours.${day}`];
  return (
    <fieldset aria-describedby={`agent-hours-hint${errors.working_hours ? ' agent-hours-error' : ''}`}>
      <legend>
        <FormattedMessage id="people.hours.legend" />
      </legend>
      <p id="agent-hours-hint" className="hint">
        <FormattedMessage id="people.hours.hint" />
      </p>
      <div className="week-grid">
        {WEEKDAY_KEYS.map((day) => {
          const error = dayError(day);
          const note = error ? '' : overnightNote(day, week[day]);
          const described = [note ? `agent-hours-${day}-note` : null, error ? `agent-hours-${day}-error` : null].filter(Boolean).join(' ') || undefined;
          return (
            <div key={day} className="field-inline">
              <label htmlFor={`agent-hours-${day}`}>{weekdayLabel(day)}</label>
              <input
                id={`agent-hours-${day}`}
                type="text"
                value={week[day]}
                onChange={(e) => setWeek((w) => ({ ...w, [day]: e.target.value }))}
                aria-invalid={error ? true : undefined}
                aria-describedby={described}
              />
              {note && (
                <p id={`agent-hours-${day}-note`} className="hint">
                  {note}
                </p>
              )}
              <FieldError id={`agent-hours-${day}-error`} message={error} />
            </div>
          );
        })}
      </div>
      <FieldError id="agent-hours-error" message={errors.working_hours} />
    </fieldset>
  );
}
