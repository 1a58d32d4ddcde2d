import { FormattedMessage } from 'react-intl';
import type { Team } from '../api/types.js';
import { Empty } from '../shared/feedback.js';
import { FieldError } from '../shared/fields.js';

/** Checkboxes for the teams a person belongs to. */
export function TeamsField({ teams, chosen, onChange, error }: { teams: readonly Team[]; chosen: ReadonlySet<string>; onChange: (chosen: Set<string>) => void; error: string | undefined }) {
  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    onChange(next);
  };
  return (
    <fieldset aria-describedby={`agent-teams-hint${error ? ' agent-teams-error' : ''}`}>
      <legend>
        <FormattedMessage id="people.teams.legend" />
      </legend>
      <p id="agent-teams-hint" className="hint">
        <FormattedMessage id="people.teams.hint" />
      </p>
      {teams.length === 0 ? (
        <Empty>
          <FormattedMessage id="people.teams.empty" />
        </Empty>
      ) : (
        <ul className="plain checks">
          {teams.map((t) => (
            <li key={t.id}>
              <label>
                <input type="checkbox" checked={chosen.has(t.id)} onChange={(e) => toggle(t.id, e.target.checked)} /> {t.name}
                {t.description && <span className="muted"> {t.description}</span>}
              </label>
            </li>
          ))}
        </ul>
      )}
      <FieldError id="agent-teams-error" message={error} />
    </fieldset>
  );
}
