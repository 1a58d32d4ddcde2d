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
  const day = KEYS[['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts.weekday ?? '')] ?? '';
  const time = `${parts.hour}:${parts.minute}`;
  const today = person.working_hours?.[day] ?? [];
  const inside = today.find((span) => span.from <= time && time < (span.to === '00:00' ? '24:00' : span.to));
  const spans = today.map((s) => `${s.from}–${s.to}`).join(', ');
  if (!person.working_hours) return `no schedule; it is ${time} in ${person.zone}`;
  return `${inside ? 'working now' : 'off now'} (${spans || 'not working today'} ${person.zone}, it is ${time})`;
}
