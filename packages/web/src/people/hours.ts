/** Whether a person is within their working hours now, said in their own zone. */

export interface Schedule {
  zone: string;
  working_hours: Record<string, { from: string; to: string }[]> | null;
  presence?: string;
}

const KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** `working now (09:00–18:00 Europe/Berlin, it is 10:15)` or `off now (…)`. */
export function hoursNow(person: Schedule, now: number): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone: person.zone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(now))
      .map((p) => [p.type, p.value]),
  );
  const index = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts.weekday ?? '');
  const day = KEYS[index] ?? '';
  const yesterday = KEYS[(index + 6) % 7] ?? '';
  const time = `${parts.hour}:${parts.minute}`;
  const today = person.working_hours?.[day] ?? [];
  // A span whose end is at or before its start runs into the next day (22:00–06:00).
  const overnight = (span: { from: string; to: string }) => span.to <= span.from;
  const inside =
    today.some((span) => span.from <= time && (overnight(span) || time < span.to)) ||
    (person.working_hours?.[yesterday] ?? []).some((span) => overnight(span) && time < span.to);
  const spans = today.map((s) => `${s.from}–${s.to}${overnight(s) && s.to !== '00:00' ? ' (next day)' : ''}`).join(', ');
  if (!person.working_hours) return `no schedule; it is ${time} in ${person.zone}`;
  return `${inside ? 'working now' : 'off now'} (${spans || 'not working today'} ${person.zone}, it is ${time})`;
}
