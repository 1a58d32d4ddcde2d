/** A person's weekly hours as text per weekday (`09:00–17:00, 18:00–20:00`) and back. */

export const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekdayKey = (typeof WEEKDAY_KEYS)[number];
export const WEEKDAY_LABELS: Record<WeekdayKey, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

export type Span = { from: string; to: string };
export type WeeklyHours = Partial<Record<WeekdayKey, Span[]>>;
export type WeeklyText = Record<WeekdayKey, string>;

const SPAN = /^(\d{1,2}):(\d{2})\s*(?:-|–|—|to)\s*(\d{1,2}):(\d{2})$/;

/** Each weekday's spans as text; a day without hours is empty. */
export function hoursToText(hours: Record<string, Span[]> | null): WeeklyText {
  const text = {} as WeeklyText;
  for (const day of WEEKDAY_KEYS) text[day] = (hours?.[day] ?? []).map((s) => `${s.from}–${s.to}`).join(', ');
  return text;
}

/** `mon–fri 09:00–17:00`-style summary, or `no weekly hours`. */
export function summarizeHours(hours: Record<string, Span[]> | null): string {
  const text = hoursToText(hours);
  const groups: { first: WeekdayKey; last: WeekdayKey; spans: string }[] = [];
  for (const day of WEEKDAY_KEYS) {
    const spans = text[day];
    const previous = groups.at(-1);
    if (spans !== '' && previous && previous.spans === spans && WEEKDAY_KEYS.indexOf(previous.last) === WEEKDAY_KEYS.indexOf(day) - 1) previous.last = day;
    else if (spans !== '') groups.push({ first: day, last: day, spans });
  }
  if (groups.length === 0) return 'no weekly hours';
  const name = (d: WeekdayKey) => WEEKDAY_LABELS[d].slice(0, 3);
  return groups.map((g) => `${name(g.first)}${g.first === g.last ? '' : `–${name(g.last)}`} ${g.spans}`).join('; ');
}

function minutesOf(hour: string, minute: string): number | null {
  const h = Number(hour);
  const m = Number(minute);
  if (m > 59 || h > 24 || (h === 24 && m !== 0)) return null;
  return h * 60 + m;
}

const pad = (n: number) => String(n).padStart(2, '0');
const wall = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

/** One day's text as spans, or a message saying what is wrong with it. */
export function parseDay(text: string): { ok: true; spans: Span[] } | { ok: false; message: string } {
  const parts = text
    .split(/[,;]/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const ranges: { from: number; to: number }[] = [];
  for (const part of parts) {
    const match = SPAN.exec(part);
    if (!match) return { ok: false, message: `"${part}" is not a span of hours; write it as 09:00–17:00.` };
    const from = minutesOf(match[1]!, match[2]!);
    const to = minutesOf(match[3]!, match[4]!);
    if (from === null || to === null || from === 1440) return { ok: false, message: `"${part}" has a time that does not exist; use 00:00 to 24:00.` };
    if (to <= from) return { ok: false, message: `In "${part}" the end must be after the start (write midnight as 24:00).` };
    ranges.push({ from, to });
  }
  ranges.sort((a, b) => a.from - b.from);
  for (let i = 1; i < ranges.length; i++) {
    if (ranges[i]!.from < ranges[i - 1]!.to) {
      return { ok: false, message: `${wall(ranges[i - 1]!.from)}–${wall(ranges[i - 1]!.to)} and ${wall(ranges[i]!.from)}–${wall(ranges[i]!.to)} overlap; merge them.` };
    }
  }
  return { ok: true, spans: ranges.map((r) => ({ from: wall(r.from), to: wall(r.to) })) };
}

/** The whole week, or the message for each day that cannot be read. */
export function parseWeek(text: WeeklyText): { ok: true; hours: WeeklyHours } | { ok: false; errors: Partial<Record<WeekdayKey, string>> } {
  const hours: WeeklyHours = {};
  const errors: Partial<Record<WeekdayKey, string>> = {};
  for (const day of WEEKDAY_KEYS) {
    const parsed = parseDay(text[day]);
    if (!parsed.ok) errors[day] = parsed.message;
    else if (parsed.spans.length > 0) hours[day] = parsed.spans;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, hours };
}
