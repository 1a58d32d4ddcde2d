import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { messageOf } from '../api/client.js';
import { http, ok } from '../api/http.js';
import type { paths } from '../api/schema.gen.js';
import type { OutOfOffice, User } from '../api/types.js';
import { formatInstant, zoneLabel } from '../time/format.js';
import { Await, ErrorNotice } from '../shared/feedback.js';
import { useWrite } from '../shared/query.js';
import { ticketKeys } from '../tickets/queries.js';
import { outOfOfficeQuery, peopleKeys } from './queries.js';
import { errorsFrom, type FieldErrors, TextField } from '../shared/fields.js';
import { instantOfWallTime } from './zoned-time.js';

const FIELDS = ['starts_at', 'ends_at', 'note'] as const;

/** A person's out-of-office ranges, in their own zone: listed, added and removed. */
export function OutOfOfficeRanges({ person }: { person: User }) {
  const ranges = useQuery(outOfOfficeQuery(person.id));
  const removeRange = useWrite((range: OutOfOffice) => ok(http.DELETE('/api/v1/users/{id}/out-of-office/{rangeId}', { params: { path: { id: person.id, rangeId: range.id } } })), () => [peopleKeys.outOfOffice(person.id)]);
  const [notice, setNotice] = useState<string | null>(null);
  const zone = person.zone;
  const when = (at: string) => `${formatInstant(at, zone)}`;

  const remove = async (range: OutOfOffice) => {
    try {
      await removeRange.mutateAsync(range);
      setNotice('The range is removed.');
    } catch (caught) {
      setNotice(messageOf(caught));
    }
  };

  return (
    <div className="out-of-office" role="group" aria-labelledby="ooo-heading">
      <h3 id="ooo-heading">Out of office</h3>
      <div aria-live="polite">{notice && <p className="muted">{notice}</p>}</div>
      <Await query={ranges}>
        {({ items }) =>
          items.length === 0 ? (
            <p className="muted">No out-of-office ranges.</p>
          ) : (
            <ul className="plain ranges">
              {items.map((r) => (
                <li key={r.id}>
                  {when(r.starts_at)} – {when(r.ends_at)} {zoneLabel(zone, r.starts_at)}
                  {r.note && <span className="muted"> ({r.note})</span>}{' '}
                  <button type="button" onClick={() => void remove(r)} aria-label={`Remove ${when(r.starts_at)} – ${when(r.ends_at)}`}>
                    Remove
                  </button>
                </li>
              ))}
            </ul>
          )
        }
      </Await>
      <AddRange
        person={person}
        onAdded={(range, rerouted) => {
          setNotice(`The range is added${rerouted > 0 ? `; ${rerouted} unattended ${rerouted === 1 ? 'ticket was' : 'tickets were'} handed over` : ''}.`);
        }}
      />
    </div>
  );
}

type NewRange = NonNullable<paths['/api/v1/users/{id}/out-of-office']['post']['requestBody']>['content']['application/json'];

function AddRange({ person, onAdded }: { person: User; onAdded: (range: OutOfOffice, rerouted: number) => void }) {
  const [starts, setStarts] = useState('');
  const [ends, setEnds] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  // Adding a range hands the person's unattended tickets over: the tickets are read again too.
  const add = useWrite((body: NewRange) => ok(http.POST('/api/v1/users/{id}/out-of-office', { params: { path: { id: person.id } }, body })), () => [peopleKeys.outOfOffice(person.id), ticketKeys.all]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const from = instantOfWallTime(starts, person.zone);
    const to = instantOfWallTime(ends, person.zone);
    const found: FieldErrors = {};
    if (from === null) found.starts_at = 'Give the first day and time away.';
    if (to === null) found.ends_at = 'Give the day and time back at work.';
    if (Object.keys(found).length > 0) {
      setErrors(found);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const body = { starts_at: new Date(from!).toISOString(), ends_at: new Date(to!).toISOString(), ...(note.trim() && { note: note.trim() }) };
      const added = await add.mutateAsync(body);
      const { rerouted, ...range } = added;
      onAdded(range, rerouted.length);
      setStarts('');
      setEnds('');
      setNote('');
    } catch (caught) {
      setErrors(errorsFrom(caught, FIELDS));
    } finally {
      setBusy(false);
    }
  };

  const inZone = `in ${person.zone}`;
  return (
    <form className="inline-fields" onSubmit={submit} noValidate aria-label={`Add an out-of-office range for ${person.name}`}>
      <TextField id="ooo-starts" type="datetime-local" label={`Away from (${inZone})`} value={starts} onChange={setStarts} error={errors.starts_at} />
      <TextField id="ooo-ends" type="datetime-local" label={`Back at (${inZone})`} value={ends} onChange={setEnds} error={errors.ends_at} />
      <TextField id="ooo-note" label="Note" value={note} onChange={setNote} error={errors.note} />
      {errors[''] && <ErrorNotice message={errors['']} />}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Adding…' : 'Add the range'}
        </button>
      </div>
    </form>
  );
}
