import type { OpenPeriods } from '../api/types.js';

export type CalendarStatus = { state: 'open'; until: string } | { state: 'closed'; opens: string } | { state: 'closed_for_days' };

/**
 * Whether a calendar is open at `now` (the service's clock), from its open periods. The service
 * says whether it was open when it answered (`open_at_from`): the period in progress then is listed
 * from that moment, so its start is no opening time and must not be read as "opens at".
 */
export function calendarStatus(data: Pick<OpenPeriods, 'open_at_from' | 'open'>, now: number): CalendarStatus {
  const periods = data.open.map((p, i) => ({ start: i === 0 && data.open_at_from ? Number.NEGATIVE_INFINITY : Date.parse(p.start), period: p }));
  const current = periods.find((p) => p.start <= now && now < Date.parse(p.period.end));
  if (current) return { state: 'open', until: current.period.end };
  const next = periods.find((p) => p.start > now);
  return next ? { state: 'closed', opens: next.period.start } : { state: 'closed_for_days' };
}
