import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedMessage, type IntlShape, useIntl } from 'react-intl';
import type { OpenPeriods, PolicyInfo } from '../api/types.js';
import { useSession } from '../session/session.js';
import { calendarStatus } from './calendar-status.js';
import { formatInstant, formatTimeOfDay, weekdayName, zoneLabel } from '../time/format.js';
import { localDateIn, monthName, monthWeeks, nextDate, openHoursByDate, type OpenSpan, shiftMonth } from '../time/month.js';
import { Await } from '../shared/feedback.js';
import { useNow } from '../shared/hooks.js';
import { openPeriodsQuery } from './queries.js';
import { TableWrap } from '../shared/table-wrap.js';
import { listOf } from './labels.js';

/** ISO weekdays, Monday first, as the month's columns. */
const ISO_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];
/** How far ahead the next open hours are read. */
const NEXT_DAYS = 14;

interface CalendarChoice {
  packId: string;
  calendarId: string;
  label: string;
  zone: string;
}

/** Each calendar of the packs' versions in force: its next open hours and a month with holidays and closed days. */
export function CalendarsSection({ packs }: { packs: PolicyInfo[] }) {
  const intl = useIntl();
  const choices: CalendarChoice[] = packs.flatMap((pack) => {
    const version = pack.versions.find((v) => v.id === pack.current_version) ?? pack.versions[pack.versions.length - 1];
    return (version?.calendars ?? []).map((c) => ({
      packId: pack.id,
      calendarId: c.id,
      label: intl.formatMessage({ id: 'policy.calendars.choice' }, { pack: pack.name, calendar: c.name }),
      zone: c.zone,
    }));
  });
  const [chosen, setChosen] = useState(choices[0] ? `${choices[0].packId}/${choices[0].calendarId}` : '');
  const choice = choices.find((c) => `${c.packId}/${c.calendarId}` === chosen);
  return (
    <section aria-labelledby="calendars-heading" className="panel">
      <h2 id="calendars-heading">
        <FormattedMessage id="policy.calendars.heading" />
      </h2>
      {choices.length === 0 ? (
        <p className="muted">
          <FormattedMessage id="policy.calendars.none" />
        </p>
      ) : (
        <>
          <div className="field-inline">
            <label htmlFor="calendar-choice">
              <FormattedMessage id="policy.calendars.calendar" />
            </label>
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
  const intl = useIntl();
  const { zone } = useSession();
  const now = useNow(60_000);
  const today = localDateIn(now, choice.zone);
  const [month, setMonth] = useState({ year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) });
  const next = useQuery(openPeriodsQuery(choice.packId, choice.calendarId, { days: NEXT_DAYS }));
  const first = `${month.year}-${String(month.month).padStart(2, '0')}-01`;
  // From the day before the 1st (UTC) for 33 days: every local date of the month in any zone.
  const from = new Date(Date.parse(`${first}T00:00:00Z`) - 86_400_000).toISOString();
  const monthPeriods = useQuery(openPeriodsQuery(choice.packId, choice.calendarId, { from, days: 33 }));
  return (
    <div className="calendar-view">
      <h3>
        <FormattedMessage id="policy.calendars.nextOpenHours" />
      </h3>
      <Await query={next} label={intl.formatMessage({ id: 'policy.calendars.loadingNext' })}>
        {(data) => <NextOpenHours data={data} viewerZone={zone} now={now} />}
      </Await>
      <div className="month-nav">
        <button type="button" onClick={() => setMonth((m) => shiftMonth(m, -1))}>
          <FormattedMessage id="policy.calendars.previousMonth" />
        </button>
        <h3 id="month-heading" aria-live="polite">
          {monthName(month.year, month.month)}
        </h3>
        <button type="button" onClick={() => setMonth((m) => shiftMonth(m, 1))}>
          <FormattedMessage id="policy.calendars.nextMonth" />
        </button>
      </div>
      <Await query={monthPeriods} label={intl.formatMessage({ id: 'policy.calendars.loadingMonth' })}>
        {(data) => <MonthTable data={data} year={month.year} month={month.month} today={today} />}
      </Await>
    </div>
  );
}

function NextOpenHours({ data, viewerZone, now }: { data: OpenPeriods; viewerZone: string; now: number }) {
  const zone = data.calendar.zone;
  if (data.calendar.always_open) {
    return (
      <p>
        <FormattedMessage id="policy.calendars.alwaysOpen" />
      </p>
    );
  }
  const status = calendarStatus(data, now);
  const upcoming = data.open.filter((p, i) => !(i === 0 && data.open_at_from) && Date.parse(p.start) > now).slice(0, 5);
  const same = zone === viewerZone;
  return (
    <>
      <p className="next-open">
        {status.state === 'open' ? (
          <FormattedMessage id="policy.calendars.openUntil" values={{ time: formatInstant(status.until, zone), zone: zoneLabel(zone, status.until) }} />
        ) : status.state === 'closed' ? (
          <FormattedMessage id="policy.calendars.closedOpens" values={{ time: formatInstant(status.opens, zone), zone: zoneLabel(zone, status.opens) }} />
        ) : (
          <FormattedMessage id="policy.calendars.closedForDays" values={{ days: NEXT_DAYS }} />
        )}
      </p>
      {upcoming.length > 0 && <UpcomingPeriods periods={upcoming} zone={zone} viewerZone={same ? null : viewerZone} />}
    </>
  );
}

/** The next open periods in the calendar's zone, and in the viewer's own when it differs. */
function UpcomingPeriods({ periods, zone, viewerZone }: { periods: OpenPeriods['open']; zone: string; viewerZone: string | null }) {
  const intl = useIntl();
  return (
    <ul className="plain" aria-label={intl.formatMessage({ id: 'policy.calendars.nextPeriods' })}>
      {periods.map((p) => (
        <li key={p.start}>
          <FormattedMessage id="policy.calendars.period" values={{ start: formatInstant(p.start, zone), end: formatTimeOfDay(p.end, zone), zone: zoneLabel(zone, p.start) }} />
          {viewerZone && (
            <span className="muted">
              {' '}
              <FormattedMessage
                id="policy.calendars.periodForYou"
                values={{ start: formatInstant(p.start, viewerZone), end: formatInstant(p.end, viewerZone), zone: zoneLabel(viewerZone, p.start) }}
              />
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

function spansText(intl: IntlShape, spans: OpenSpan[]): string {
  if (spans.length === 1 && spans[0]!.from === '00:00' && spans[0]!.to === '24:00') return intl.formatMessage({ id: 'policy.calendars.openAllDay' });
  return listOf(
    intl,
    spans.map((s) => intl.formatMessage({ id: 'policy.calendars.span' }, { from: s.from, to: s.to })),
  );
}

function MonthTable({ data, year, month, today }: { data: OpenPeriods; year: number; month: number; today: string }) {
  const intl = useIntl();
  const hours = openHoursByDate(data.open);
  const holidays = new Map(data.holidays.map((h) => [h.date, h.name]));
  const weeks = monthWeeks(year, month);
  const last = weeks.flat().filter((d): d is string => d !== null).at(-1)!;
  const prefix = `${year}-${String(month).padStart(2, '0')}-`;
  const monthHolidays = data.holidays.filter((h) => h.date.startsWith(prefix));
  const closedDays = weeks.flat().filter((d) => d !== null && !hours.has(d)).length;
  const holidayList = listOf(
    intl,
    monthHolidays.map((h) => intl.formatMessage({ id: 'policy.calendars.holidayOn' }, { name: h.name, day: Number(h.date.slice(8)) })),
  );
  return (
    <>
      <p className="hint">
        <FormattedMessage id="policy.calendars.monthHint" values={{ calendar: data.calendar.name, zone: data.calendar.zone }} />{' '}
        {monthHolidays.length > 0 ? (
          <FormattedMessage id="policy.calendars.monthSummary" values={{ closed: closedDays, holidays: holidayList }} />
        ) : (
          <FormattedMessage id="policy.calendars.monthSummaryNoHolidays" values={{ closed: closedDays }} />
        )}
      </p>
      <TableWrap label={intl.formatMessage({ id: 'policy.calendars.monthView' })}>
        <table className="month">
          <caption className="visually-hidden">
            <FormattedMessage id="policy.calendars.monthCaption" values={{ calendar: data.calendar.name, month: monthName(year, month) }} />
          </caption>
          <thead>
            <tr>
              {ISO_WEEKDAYS.map((day) => (
                <th key={day} scope="col">
                  <abbr title={weekdayName(day, 'long')}>{weekdayName(day, 'short')}</abbr>
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
                      <span className="day-hours">{spans ? spansText(intl, spans) : intl.formatMessage({ id: 'policy.calendars.closedDay' })}</span>
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
