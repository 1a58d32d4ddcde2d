import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { OpenPeriods, PolicyInfo } from '../api/types.js';
import { useSession } from '../session/session.js';
import { calendarStatus } from './calendar-status.js';
import { formatInstant, zoneLabel } from '../time/format.js';
import { localDateIn, monthName, monthWeeks, nextDate, openHoursByDate, type OpenSpan, shiftMonth } from '../time/month.js';
import { Await } from '../shared/feedback.js';
import { useNow } from '../shared/hooks.js';
import { openPeriodsQuery } from './queries.js';
import { TableWrap } from '../shared/table-wrap.js';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

interface CalendarChoice {
  packId: string;
  calendarId: string;
  label: string;
  zone: string;
}

/** Each calendar of the packs' versions in force: its next open hours and a month with holidays and closed days. */
export function CalendarsSection({ packs }: { packs: PolicyInfo[] }) {
  const choices: CalendarChoice[] = packs.flatMap((pack) => {
    const version = pack.versions.find((v) => v.id === pack.current_version) ?? pack.versions[pack.versions.length - 1];
    return (version?.calendars ?? []).map((c) => ({ packId: pack.id, calendarId: c.id, label: `${pack.name}: ${c.name}`, zone: c.zone }));
  });
  const [chosen, setChosen] = useState(choices[0] ? `${choices[0].packId}/${choices[0].calendarId}` : '');
  const choice = choices.find((c) => `${c.packId}/${c.calendarId}` === chosen);
  return (
    <section aria-labelledby="calendars-heading" className="panel">
      <h2 id="calendars-heading">Open hours and holidays</h2>
      {choices.length === 0 ? (
        <p className="muted">No calendars in the packs.</p>
      ) : (
        <>
          <div className="field-inline">
            <label htmlFor="calendar-choice">Calendar</label>
            <select id="calendar-choice" value={chosen} onChange={(e) => setChosen(e.target.value)}>
              {choices.map((c) => (
                <option key={`${c.packId}/${c.calendarId}`} value={`${c.packId}/${c.calendarId}`}>
                  {c.label}
                </option>
              ))}
            </select>
          </div>
          {choice && <CalendarView key={chosen} choice={choice} />}
        </>
      )}
    </section>
  );
}

function CalendarView({ choice }: { choice: CalendarChoice }) {
  const { zone } = useSession();
  const now = useNow(60_000);
  const today = localDateIn(now, choice.zone);
  const [month, setMonth] = useState({ year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) });
  const next = useQuery(openPeriodsQuery(choice.packId, choice.calendarId, { days: 14 }));
  const first = `${month.year}-${String(month.month).padStart(2, '0')}-01`;
  // From the day before the 1st (UTC) for 33 days: every local date of the month in any zone.
  const from = new Date(Date.parse(`${first}T00:00:00Z`) - 86_400_000).toISOString();
  const monthPeriods = useQuery(openPeriodsQuery(choice.packId, choice.calendarId, { from, days: 33 }));
  return (
    <div className="calendar-view">
      <h3>Next open hours</h3>
      <Await query={next}>
        {(data) => <NextOpenHours data={data} viewerZone={zone} now={now} />}
      </Await>
      <div className="month-nav">
        <button type="button" onClick={() => setMonth((m) => shiftMonth(m, -1))}>
          ← Previous month
        </button>
        <h3 id="month-heading" aria-live="polite">
          {monthName(month.year, month.month)}
        </h3>
        <button type="button" onClick={() => setMonth((m) => shiftMonth(m, 1))}>
          Next month →
        </button>
      </div>
      <Await query={monthPeriods}>
        {(data) => <MonthTable data={data} year={month.year} month={month.month} today={today} />}
      </Await>
    </div>
  );
}

function NextOpenHours({ data, viewerZone, now }: { data: OpenPeriods; viewerZone: string; now: number }) {
  const zone = data.calendar.zone;
  if (data.calendar.always_open) return <p>Always open: every hour of every day counts, holidays included.</p>;
  const status = calendarStatus(data, now);
  const upcoming = data.open.filter((p, i) => !(i === 0 && data.open_at_from) && Date.parse(p.start) > now).slice(0, 5);
  const same = zone === viewerZone;
  return (
    <>
      <p className="next-open">
        {status.state === 'open'
          ? `Open now, until ${formatInstant(status.until, zone)} ${zoneLabel(zone, status.until)}.`
          : status.state === 'closed'
            ? `Closed now; opens ${formatInstant(status.opens, zone)} ${zoneLabel(zone, status.opens)}.`
            : 'Closed for the next 14 days.'}
      </p>
      {upcoming.length > 0 && (
        <ul className="plain" aria-label="The next open periods">
          {upcoming.map((p) => (
            <li key={p.start}>
              {formatInstant(p.start, zone)}–{formatInstant(p.end, zone).split(', ')[1]} {zoneLabel(zone, p.start)}
              {!same && (
                <span className="muted">
                  {' '}
                  (for you: {formatInstant(p.start, viewerZone)}–{formatInstant(p.end, viewerZone)} {zoneLabel(viewerZone, p.start)})
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function spansText(spans: OpenSpan[]): string {
  if (spans.length === 1 && spans[0]!.from === '00:00' && spans[0]!.to === '24:00') return 'open all day';
  return spans.map((s) => `${s.from}–${s.to}`).join(', ');
}

function MonthTable({ data, year, month, today }: { data: OpenPeriods; year: number; month: number; today: string }) {
  const hours = openHoursByDate(data.open);
  const holidays = new Map(data.holidays.map((h) => [h.date, h.name]));
  const weeks = monthWeeks(year, month);
  const last = weeks.flat().filter((d): d is string => d !== null).at(-1)!;
  const prefix = `${year}-${String(month).padStart(2, '0')}-`;
  const monthHolidays = data.holidays.filter((h) => h.date.startsWith(prefix));
  const closedDays = weeks.flat().filter((d) => d !== null && !hours.has(d)).length;
  return (
    <>
      <p className="hint">
        Local dates and hours of {data.calendar.name}, in {data.calendar.zone}. {closedDays} closed {closedDays === 1 ? 'day' : 'days'} this month
        {monthHolidays.length > 0 ? `; holidays: ${monthHolidays.map((h) => `${h.name} (${Number(h.date.slice(8))})`).join(', ')}` : '; no holidays'}.
      </p>
      <TableWrap label="Month view">
        <table className="month">
          <caption className="visually-hidden">
            {data.calendar.name}, {monthName(year, month)}: open hours, holidays and closed days
          </caption>
          <thead>
            <tr>
              {WEEKDAYS.map((d, i) => (
                <th key={d} scope="col">
                  <abbr title={WEEKDAY_NAMES[i]}>{d}</abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeks.map((week) => (
              <tr key={week.find(Boolean) ?? nextDate(last)}>
                {week.map((date, i) => {
                  if (!date) return <td key={`empty-${i}`} className="day is-outside" />;
                  const spans = hours.get(date);
                  const holiday = holidays.get(date);
                  const kind = holiday ? 'holiday' : spans ? 'open' : 'closed';
                  return (
                    <td key={date} className={`day is-${kind}${date === today ? ' is-today' : ''}`} data-date={date} aria-current={date === today ? 'date' : undefined}>
                      <span className="day-number">{Number(date.slice(8))}</span>
                      {holiday && <span className="day-holiday">{holiday}</span>}
                      <span className="day-hours">{spans ? spansText(spans) : 'closed'}</span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}
