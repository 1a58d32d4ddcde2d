/** A calendar's weekly hours in one short line: `Mon–Fri 06:00–18:00, Sat–Sun 09:00–17:00`. */
import { WEEKDAYS, type CalendarSpec, type WallIntervalSpec } from '@hourglass/engine';

const NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

function hoursText(intervals: readonly WallIntervalSpec[] | undefined): string {
  return (intervals ?? []).map((i) => `${i.from}–${i.to}`).join(', ');
}

/** The weekly hours of `spec`, consecutive days with the same hours grouped; `always open` for 24x7. */
export function describeWeekly(spec: Readonly<CalendarSpec>): string {
  if (spec.always_open) return 'always open (24x7)';
  const groups: { first: number; last: number; hours: string }[] = [];
  WEEKDAYS.forEach((day, index) => {
    const hours = hoursText(spec.weekly?.[day]);
    const previous = groups[groups.length - 1];
    if (previous && previous.hours === hours && previous.last === index - 1) previous.last = index;
    else groups.push({ first: index, last: index, hours });
  });
  const open = groups.filter((g) => g.hours !== '');
  if (open.length === 0) return 'no weekly hours';
  if (open.length === 1 && open[0]!.first === 0 && open[0]!.last === 6) return `every day ${open[0]!.hours}`;
  return open
    .map((g) => {
      const days = g.first === g.last ? NAMES[g.first] : `${NAMES[g.first]}${g.last === g.first + 1 ? ',' : '–'}${NAMES[g.last]}`;
      return `${days} ${g.hours}`;
    })
    .join('; ');
}

/** `America/Los_Angeles; Mon–Fri 06:00–18:00; 7 holiday rules` */
export function describeCalendar(spec: Readonly<CalendarSpec>): string {
  const parts = [spec.zone, describeWeekly(spec)];
  const holidays = spec.holidays?.length ?? 0;
  if (holidays > 0) parts.push(`${holidays} holiday rule${holidays === 1 ? '' : 's'}`);
  const exceptions = spec.exceptions?.length ?? 0;
  if (exceptions > 0) parts.push(`${exceptions} dated exception${exceptions === 1 ? '' : 's'}`);
  return parts.join('; ');
}
