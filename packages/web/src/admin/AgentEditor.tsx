import { type FormEvent, useEffect, useRef, useState } from 'react';
import { api } from '../api/client.js';
import type { User } from '../api/types.js';
import { ErrorNotice } from '../ui/feedback.js';
import { errorsFrom, FieldError, type FieldErrors, TextField } from './fields.js';
import { hoursToText, parseWeek, WEEKDAY_KEYS, WEEKDAY_LABELS, type WeeklyText } from './weekly-hours.js';

const PRESENCES: { id: User['presence']; label: string }[] = [
  { id: 'available', label: 'available: takes new tickets' },
  { id: 'away', label: 'away: takes no new tickets for now' },
  { id: 'offline', label: 'offline' },
];
const FIELDS = ['presence', 'zone', 'languages', 'working_hours', ...WEEKDAY_KEYS.map((d) => `working_hours.${d}`)] as const;

function zones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  return intl.supportedValuesOf?.('timeZone') ?? [];
}

/** Changes an agent's presence, zone, weekly hours and languages (`PATCH /api/v1/users/:id`). */
export function AgentEditor({ person, onSaved, onCancel }: { person: User; onSaved: (updated: User) => void; onCancel: () => void }) {
  const [presence, setPresence] = useState(person.presence);
  const [zone, setZone] = useState(person.zone);
  const [languages, setLanguages] = useState(person.languages.join(', '));
  const [week, setWeek] = useState<WeeklyText>(() => hoursToText(person.working_hours));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLSelectElement | null>(null);
  useEffect(() => first.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    const parsed = parseWeek(week);
    if (!parsed.ok) for (const [day, message] of Object.entries(parsed.errors)) found[`working_hours.${day}`] = message;
    const codes = languages.split(/[\s,]+/).filter((l) => l !== '');
    if (codes.length === 0) found.languages = 'Give at least one language code, such as en.';
    if (zone.trim() === '') found.zone = 'Give a time zone such as Europe/Berlin.';
    if (Object.keys(found).length > 0) {
      setErrors({ ...found, '': 'Some fields need a change; see the messages at them.' });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const body = { presence, zone: zone.trim(), languages: codes, working_hours: parsed.ok && Object.keys(parsed.hours).length > 0 ? parsed.hours : null };
      onSaved(await api.patch<User>(`/api/v1/users/${person.id}`, body));
    } catch (caught) {
      setErrors(errorsFrom(caught, FIELDS));
    } finally {
      setBusy(false);
    }
  };

  const dayError = (day: string) => errors[`working_hours.${day}`];
  return (
    <form className="stacked-form agent-form" onSubmit={submit} noValidate aria-label={`Change ${person.name}`}>
      <div className="field">
        <label htmlFor="agent-presence">Presence</label>
        <select
          ref={first}
          id="agent-presence"
          value={presence}
          onChange={(e) => setPresence(e.target.value as User['presence'])}
          aria-invalid={errors.presence ? true : undefined}
          aria-describedby={errors.presence ? 'agent-presence-error' : undefined}
        >
          {PRESENCES.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
        <FieldError id="agent-presence-error" message={errors.presence} />
      </div>
      <TextField id="agent-zone" label="Time zone" list="agent-zones" value={zone} onChange={setZone} error={errors.zone} hint="An IANA zone such as Europe/Berlin; the weekly hours are in this zone." />
      <datalist id="agent-zones">
        {zones().map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
      <TextField id="agent-languages" label="Languages" value={languages} onChange={setLanguages} error={errors.languages} hint="Language codes, separated by commas: en, de, pt-BR." />
      <fieldset aria-describedby={`agent-hours-hint${errors.working_hours ? ' agent-hours-error' : ''}`}>
        <legend>Weekly hours</legend>
        <p id="agent-hours-hint" className="hint">
          Per day, spans such as 09:00–17:00, several separated by commas (write midnight as 24:00). Leave a day empty when not working.
        </p>
        <div className="week-grid">
          {WEEKDAY_KEYS.map((day) => (
            <div key={day} className="field-inline">
              <label htmlFor={`agent-hours-${day}`}>{WEEKDAY_LABELS[day]}</label>
              <input
                id={`agent-hours-${day}`}
                type="text"
                value={week[day]}
                onChange={(e) => setWeek((w) => ({ ...w, [day]: e.target.value }))}
                aria-invalid={dayError(day) ? true : undefined}
                aria-describedby={dayError(day) ? `agent-hours-${day}-error` : undefined}
              />
              <FieldError id={`agent-hours-${day}-error`} message={dayError(day)} />
            </div>
          ))}
        </div>
        <FieldError id="agent-hours-error" message={errors.working_hours} />
      </fieldset>
      {errors[''] && <ErrorNotice message={errors['']} />}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Saving…' : `Save ${person.name}`}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
