/** What `hourglass calendar show` lists: a calendar's open periods in a range and the closures in it. */
import { DAY, type Schedule, type Segment } from '@hourglass/engine';

/** How far ahead `--count` looks for open periods before it gives up. */
const COUNT_HORIZON = 3 * 366 * DAY;
const COUNT_WINDOW = 14 * DAY;

export interface Closure {
  date: string;
  kind: 'holiday' | 'closed' | 'special_hours';
  name: string;
}

/** The open periods in `[from, to)`. */
export function periodsBetween(calendar: Schedule, from: number, to: number): Segment[] {
  return calendar.openPeriods(from, to);
}

/**
 * The next `count` open periods from `from` (the one in progress counts, clipped at `from`).
 * An always-open calendar has one endless period, so it yields none; callers say so instead.
 */
export function nextPeriods(calendar: Schedule, from: number, count: number): Segment[] {
  const found: Segment[] = [];
  if (calendar.alwaysOpen) return found;
  let start = from;
  while (found.length < count && start < from + COUNT_HORIZON) {
    const end = start + COUNT_WINDOW;
    for (const period of calendar.openPeriods(start, end)) {
      const last = found[found.length - 1];
      if (last && last.end === period.start) last.end = period.end;
      else found.push({ ...period });
    }
    start = end;
  }
  if (found.length > count) found.length = count;
  // The last period may have been clipped at a window's end; let it run to its close.
  const last = found[found.length - 1];
  if (last && found.length === count) last.end = calendar.nextClose(last.end - 1);
  return found;
}

/** Holidays, closed days and days with special hours on the local dates `[fromDate, toDate]`. */
export function closuresBetween(calendar: Schedule, fromDate: string, toDate: string): Closure[] {
  if (calendar.alwaysOpen || toDate < fromDate) return [];
  const closures: Closure[] = calendar.holidaysBetween(fromDate, toDate).map((h) => ({ date: h.date, kind: 'holiday', name: h.name }));
  for (const exception of calendar.spec.exceptions ?? []) {
    if (exception.date < fromDate || exception.date > toDate) continue;
    const hours = (exception.hours ?? []).map((i) => `${i.from}–${i.to}`).join(', ');
    const reason = exception.reason ?? (exception.closed ? 'closed' : 'special hours');
    closures.push(exception.closed || hours === '' ? { date: exception.date, kind: 'closed', name: reason } : { date: exception.date, kind: 'special_hours', name: `${reason} (open ${hours})` });
  }
  return closures.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
