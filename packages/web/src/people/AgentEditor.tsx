import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { messageOf } from '../api/client.js';
import { http, ok } from '../api/http.js';
import type { paths } from '../api/schema.gen.js';
import type { Team, User } from '../api/types.js';
import { accountKeys } from '../accounts/queries.js';
import { DIRECTORY_KEY } from '../shared/directory.js';
import { useWrite } from '../shared/query.js';
import { peopleKeys } from './queries.js';
import { saveTeamsOf } from './agent-teams.js';
import { errorsFrom, FieldError, type FieldErrors, TextField, FormActions } from '../shared/fields.js';
import { TeamsField } from './TeamsField.js';
import { WeeklyHoursField } from './WeeklyHoursField.js';
import { hoursToText, parseWeek, WEEKDAY_KEYS, type WeeklyText } from './weekly-hours.js';

const PRESENCES: readonly User['presence'][] = ['available', 'away', 'offline'];
const FIELDS = ['presence', 'zone', 'languages', 'working_hours', ...WEEKDAY_KEYS.map((d) => `working_hours.${d}`)] as const;

function zones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  return intl.supportedValuesOf?.('timeZone') ?? [];
}

type PersonChange = NonNullable<paths['/api/v1/users/{id}']['patch']['requestBody']>['content']['application/json'];

/** Changes an agent's presence, zone, weekly hours and languages (`PATCH /api/v1/users/:id`) and teams (`PATCH /api/v1/teams/:id`). */
export function AgentEditor({
  person,
  teams,
  onSaved,
  onCancel,
}: {
  person: User;
  teams: readonly Team[];
  onSaved: (updated: User) => void;
  onCancel: () => void;
}) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string>) => intl.formatMessage({ id }, values);
  const [presence, setPresence] = useState(person.presence);
  const [zone, setZone] = useState(person.zone);
  const [languages, setLanguages] = useState(person.languages.join(', '));
  const [week, setWeek] = useState<WeeklyText>(() => hoursToText(person.working_hours));
  const [chosenTeams, setChosenTeams] = useState<Set<string>>(() => new Set(teams.filter((t) => t.member_ids.includes(person.id)).map((t) => t.id)));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  // Names, hours and teams show in the account list and the directory too.
  const affected = () => [peopleKeys.all, accountKeys.admin, DIRECTORY_KEY];
  const save = useWrite((body: PersonChange) => ok(http.PATCH('/api/v1/users/{id}', { params: { path: { id: person.id } }, body })), affected);
  const saveTeams = useWrite((chosen: ReadonlySet<string>) => saveTeamsOf(person.id, teams, chosen), affected);
  const first = useRef<HTMLSelectElement | null>(null);
  useEffect(() => first.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    const parsed = parseWeek(week);
    if (!parsed.ok) for (const [day, message] of Object.entries(parsed.errors)) found[`working_hours.${day}`] = message;
    const codes = languages.split(/[\s,]+/).filter((l) => l !== '');
    if (codes.length === 0) found.languages = t('people.editor.languagesMissing');
    if (zone.trim() === '') found.zone = t('people.editor.zoneMissing');
    if (Object.keys(found).length > 0) {
      setErrors({ ...found, '': t('shared.fields.someFieldsNeedChange') });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const body = { presence, zone: zone.trim(), languages: codes, working_hours: parsed.ok && Object.keys(parsed.hours).length > 0 ? parsed.hours : null };
      const updated = await save.mutateAsync(body);
      try {
        await saveTeams.mutateAsync(chosenTeams);
        onSaved(updated);
      } catch (caught) {
        setErrors({ teams: t('people.editor.teamsNotSaved', { reason: messageOf(caught) }), '': t('people.editor.teamsRetry') });
      }
    } catch (caught) {
      setErrors(errorsFrom(caught, FIELDS));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="stacked-form agent-form" onSubmit={submit} noValidate aria-label={t('people.editor.formLabel', { name: person.name })}>
      <div className="field">
        <label htmlFor="agent-presence">{t('people.editor.presence')}</label>
        <select
          ref={first}
          id="agent-presence"
          value={presence}
          onChange={(e) => setPresence(e.target.value as User['presence'])}
          aria-invalid={errors.presence ? true : undefined}
          aria-describedby={errors.presence ? 'agent-presence-error' : undefined}
        >
          {PRESENCES.map((p) => (
            <option key={p} value={p}>
              {t('people.editor.presenceChoice', { presence: p })}
            </option>
          ))}
        </select>
        <FieldError id="agent-presence-error" message={errors.presence} />
      </div>
      <TextField id="agent-zone" label={t('people.editor.zone')} list="agent-zones" value={zone} onChange={setZone} error={errors.zone} hint={t('people.editor.zoneHint')} />
      <datalist id="agent-zones">
        {zones().map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
      <TextField
        id="agent-languages"
        label={t('people.editor.languages')}
        value={languages}
        onChange={setLanguages}
        error={errors.languages}
        hint={t('people.editor.languagesHint')}
      />
      <WeeklyHoursField week={week} setWeek={setWeek} errors={errors} />
      <TeamsField teams={teams} chosen={chosenTeams} onChange={setChosenTeams} error={errors.teams} />
      <FormActions label={t('people.editor.save', { name: person.name })} busy={busy} error={errors['']} onCancel={onCancel} />
    </form>
  );
}
