import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
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
import { instantOfWallTime } from '../time/zoned.js';

const FIELDS = ['starts_at', 'ends_at', 'note'] as const;

/** A person's out-of-office ranges, in their own zone: listed, added and removed. */
export function OutOfOfficeRanges({ person }: { person: User }) {
  const ranges = useQuery(outOfOfficeQuery(person.id));
  const removeRange = useWrite((range: OutOfOffice) => ok(http.DELETE('/api/v1/users/{id}/out-of-office/{rangeId}', { params: { path: { id: person.id, rangeId: range.id } } })), () => [peopleKeys.outOfOffice(person.id)]);
  const intl = useIntl();
  const [notice, setNotice] = useState<string | null>(null);
  const zone = person.zone;
  const span = (range: OutOfOffice) => ({ from: formatInstant(range.starts_at, zone), to: formatInstant(range.ends_at, zone) });

  const remove = async (range: OutOfOffice) => {
    try {
      await removeRange.mutateAsync(range);
      setNotice(intl.formatMessage({ id: 'people.outOfOffice.removed' }));
    } catch (caught) {
      setNotice(messageOf(caught));
    }
  };

  return (
    <div className="out-of-office" role="group" aria-labelledby="ooo-heading">
      <h3 id="ooo-heading">
        <FormattedMessage id="people.outOfOffice.heading" />
      </h3>
      <div aria-live="polite">{notice && <p className="muted">{notice}</p>}</div>
      <Await query={ranges} label={intl.formatMessage({ id: 'people.outOfOffice.loading' })}>
        {({ items }) =>
          items.length === 0 ? (
            <p className="muted">
              <FormattedMessage id="people.outOfOffice.empty" />
            </p>
          ) : (
            <ul className="plain ranges">
              {items.map((r) => (
                <li key={r.id}>
                  <FormattedMessage id="people.outOfOffice.range" values={{ ...span(r), zone: zoneLabel(zone, r.starts_at) }} />
                  {r.note && (
                    <span className="muted">
                      {' '}
                      <FormattedMessage id="people.outOfOffice.noteShown" values={{ note: r.note }} />
                    </span>
                  )}{' '}
                  <button type="button" onClick={() => void remove(r)} aria-label={intl.formatMessage({ id: 'people.outOfOffice.removeLabel' }, span(r))}>
                    <FormattedMessage id="people.outOfOffice.remove" />
                  </button>
                </li>
              ))}
            </ul>
          )
        }
      </Await>
      <AddRange
        person={person}
        onAdded={(rerouted) => setNotice(intl.formatMessage({ id: 'people.outOfOffice.added' }, { count: rerouted }))}
      />
    </div>
  );
}

type NewRange = NonNullable<paths['/api/v1/users/{id}/out-of-office']['post']['requestBody']>['content']['application/json'];

function AddRange({ person, onAdded }: { person: User; onAdded: (rerouted: number) => void }) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string>) => intl.formatMessage({ id }, values);
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
    if (from === null) found.starts_at = t('people.outOfOffice.startsMissing');
    if (to === null) found.ends_at = t('people.outOfOffice.endsMissing');
    if (Object.keys(found).length > 0) {
      setErrors(found);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const body = { starts_at: new Date(from!).toISOString(), ends_at: new Date(to!).toISOString(), ...(note.trim() && { note: note.trim() }) };
      const added = await add.mutateAsync(body);
      onAdded(added.rerouted.length);
      setStarts('');
      setEnds('');
      setNote('');
    } catch (caught) {
      setErrors(errorsFrom(caught, FIELDS));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="inline-fields" onSubmit={submit} noValidate aria-label={t('people.outOfOffice.formLabel', { name: person.name })}>
      <TextField id="ooo-starts" type="datetime-local" label={t('people.outOfOffice.awayFrom', { zone: person.zone })} value={starts} onChange={setStarts} error={errors.starts_at} />
      <TextField id="ooo-ends" type="datetime-local" label={t('people.outOfOffice.backAt', { zone: person.zone })} value={ends} onChange={setEnds} error={errors.ends_at} />
      <TextField id="ooo-note" label={t('people.outOfOffice.note')} value={note} onChange={setNote} error={errors.note} />
      {errors[''] && <ErrorNotice message={errors['']} />}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {t(busy ? 'people.outOfOffice.adding' : 'people.outOfOffice.add')}
        </button>
      </div>
    </form>
  );
}
