import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { Team, User } from '../api/types.js';
import { loadAll, loadStaffUsers } from '../shared/paging.js';
import { hoursNow } from './hours.js';
import { presenceLabel, roleLabel } from './labels.js';
import { zoneLabel } from '../time/format.js';
import { Await, Empty } from '../shared/feedback.js';
import { useNow } from '../shared/hooks.js';
import { peopleKeys } from './queries.js';
import { DataTable } from '../shared/DataTable.js';
import { AgentEditor } from './AgentEditor.js';
import { OutOfOfficeRanges } from './OutOfOffice.js';
import { summarizeHours } from './weekly-hours.js';

interface Staff {
  people: User[];
  teams: Team[];
}

async function loadStaff(signal: AbortSignal): Promise<Staff> {
  const [people, teams] = await Promise.all([loadStaffUsers(signal), loadAll('/api/v1/teams', {}, signal)]);
  return { people, teams };
}

/** The agents with their zone, weekly hours, presence, languages and teams; one at a time can be changed. */
export function AgentsSection() {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string>) => intl.formatMessage({ id }, values);
  const now = useNow(60_000);
  const loaded = useQuery({ queryKey: peopleKeys.staff, queryFn: ({ signal }) => loadStaff(signal) });
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const staff = loaded.data ?? null;
  const person = staff?.people.find((p) => p.id === editing);
  const teamsOf = (id: string) => (staff?.teams ?? []).filter((team) => team.member_ids.includes(id)).map((team) => team.name);
  const columns = [
    t('people.agents.columnName'),
    t('people.agents.columnRole'),
    t('people.agents.columnZone'),
    t('people.agents.columnPresence'),
    t('people.agents.columnWeeklyHours'),
    t('people.agents.columnNow'),
    t('people.agents.columnLanguages'),
    t('people.agents.columnTeams'),
    { header: t('people.agents.columnActions'), hidden: true as const },
  ];

  return (
    <>
      <section aria-labelledby="agents-heading" className="panel">
        <h2 id="agents-heading">
          <FormattedMessage id="people.agents.heading" />
        </h2>
        <div aria-live="polite">{saved && <p className="ok-text">{saved}</p>}</div>
        <Await query={loaded} label={t('people.agents.loading')}>
          {({ people }) =>
            people.length === 0 ? (
              <Empty>
                <FormattedMessage id="people.agents.empty" />
              </Empty>
            ) : (
              <DataTable label={t('people.agents.tableLabel')} columns={columns}>
                {people.map((u) => (
                  <tr key={u.id} aria-current={u.id === editing ? 'true' : undefined}>
                    <td>{u.name}</td>
                    <td>{roleLabel(u.role)}</td>
                    <td>{zoneLabel(u.zone, now)}</td>
                    <td>
                      <span className={`presence presence-${u.presence}`}>{presenceLabel(u.presence)}</span>
                    </td>
                    <td>{summarizeHours(u.working_hours)}</td>
                    <td>{hoursNow(u, now)}</td>
                    <td>{u.languages.join(', ')}</td>
                    <td>{teamsOf(u.id).join(', ') || <span className="muted">{t('people.agents.noTeams')}</span>}</td>
                    <td>
                      <button type="button" onClick={() => { setEditing(u.id); setSaved(null); }} aria-label={t('people.agents.editLabel', { name: u.name })}>
                        {t('people.agents.edit')}
                      </button>
                    </td>
                  </tr>
                ))}
              </DataTable>
            )
          }
        </Await>
      </section>
      {person && staff && (
        <section aria-labelledby="agent-edit-heading" className="panel" key={person.id}>
          <h2 id="agent-edit-heading">{t('people.agents.editorHeading', { name: person.name })}</h2>
          <AgentEditor
            person={person}
            teams={staff.teams}
            onCancel={() => setEditing(null)}
            onSaved={(updated) => {
              setSaved(t('people.agents.saved', { name: updated.name }));
              setEditing(null);
            }}
          />
          <OutOfOfficeRanges person={person} />
        </section>
      )}
    </>
  );
}
