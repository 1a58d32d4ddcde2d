/** Whether a person is within their working hours now, said in their own zone and the language shown. */
import { activeIntl } from '../i18n/active.js';
import { zonedClock } from '../time/zoned.js';
import { nextDayMarker } from './weekly-hours.js';

export interface Schedule {
  zone: string;
  working_hours: Record<string, { from: string; to: string }[]> | null;
  presence?: string;
}

/** The API's weekday keys by ISO weekday (1 = Monday … 7 = Sunday). */
const KEYS = ['', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** `working now (09:00–18:00 Europe/Berlin, it is 10:15)` or `off now (…)`. */
export function hoursNow(person: Schedule, now: number): string {
  const intl = activeIntl();
  const { isoWeekday, time } = zonedClock(now, person.zone);
  if (!person.working_hours) return intl.formatMessage({ id: 'people.hoursNow.noSchedule' }, { time, zone: person.zone });
  const day = KEYS[isoWeekday] ?? '';
  const yesterday = KEYS[isoWeekday === 1 ? 7 : isoWeekday - 1] ?? '';
  const today = person.working_hours[day] ?? [];
  // A span whose end is at or before its start runs into the next day (22:00–06:00).
  const overnight = (span: { from: string; to: string }) => span.to <= span.from;
  const inside =
    today.some((span) => span.from <= time && (overnight(span) || time < span.to)) ||
    (person.working_hours[yesterday] ?? []).some((span) => overnight(span) && time < span.to);
  const spans = today.map((s) => `${s.from}–${s.to}${overnight(s) && s.to !== '00:00' ? ` ${nextDayMarker()}` : ''}`).join(', ');
  return intl.formatMessage(
    { id: inside ? 'people.hoursNow.working' : 'people.hoursNow.off' },
    { spans: spans || intl.formatMessage({ id: 'people.hoursNow.notWorkingToday' }), zone: person.zone, time },
  );
}
