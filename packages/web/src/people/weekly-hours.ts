/**
 * A person's weekly hours as text per weekday (`09:00–17:00, 18:00–20:00`) and back, with the
 * messages about a day's text in the language shown. A span that runs past midnight is written with
 * that language's marker (`22:00–06:00 (next day)`, `22:00–06:00 (Folgetag)`).
 */
import { activeIntl } from '../i18n/active.js';

export const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekdayKey = (typeof WEEKDAY_KEYS)[number];

/** `Monday`, `Montag`: a weekday's name as a field's label. */
export function weekdayLabel(day: WeekdayKey): string {
  return activeIntl().formatMessage({ id: 'people.hours.day' }, { day });
}

/** `Mon`, `Mo`: a weekday's short name, for summaries. */
export function weekdayShort(day: WeekdayKey): string {
  return activeIntl().formatMessage({ id: 'people.hours.dayShort' }, { day });
}

/** Written after a span that ends at or before its start: it runs past midnight into the next day. */
export function nextDayMarker(): string {
  return activeIntl().formatMessage({ id: 'people.hours.nextDay' });
}

const say = (id: string, values: Record<string, string>) => activeIntl().formatMessage({ id }, values);

export type Span = { from: string; to: string };
export type WeeklyHours = Partial<Record<WeekdayKey, Span[]>>;
export type WeeklyText = Record<WeekdayKey, string>;

const SPAN = /^(\d{1,2}):(\d{2})\s*(?:-|–|—|to)\s*(\d{1,2}):(\d{2})(.*)$/i;
const DAY = 1440;

function minutesOf(hour: string, minute: string): number | null {
  const h = Number(hour);
  const m = Number(minute);
  if (m > 59 || h > 24 || (h === 24 && m !== 0)) return null;
  return h * 60 + m;
}

function wallMinutes(text: string): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(text);
  return match ? minutesOf(match[1]!, match[2]!) : null;
}

const pad = (n: number) => String(n).padStart(2, '0');
const wall = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

/** A span in minutes from the day's midnight; `to` past 1440 ends on the next day. */
interface Range {
  from: number;
  to: number;
}

const rangeText = (r: Range) => (r.to > DAY ? `${wall(r.from)}–${wall(r.to - DAY)} ${nextDayMarker()}` : `${wall(r.from)}–${wall(r.to)}`);

/** `09:00–17:00`, `22:00–06:00 (next day)`; an end at midnight is written 24:00. */
export function spanText(span: Span): string {
  const from = wallMinutes(span.from);
  const to = wallMinutes(span.to);
  if (from === null || to === null || from === to) return `${span.from}–${span.to}`;
  return rangeText({ from, to: to === 0 ? DAY : to < from ? to + DAY : to });
}

/** Each weekday's spans as text; a day without hours is empty. */
export function hoursToText(hours: Record<string, Span[]> | null): WeeklyText {
  const text = {} as WeeklyText;
  for (const day of WEEKDAY_KEYS) text[day] = (hours?.[day] ?? []).map(spanText).join(', ');
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
  if (groups.length === 0) return say('people.hours.noWeeklyHours', {});
  const name = weekdayShort;
  return groups.map((g) => `${name(g.first)}${g.first === g.last ? '' : `–${name(g.last)}`} ${g.spans}`).join('; ');
}

/** One span's text as minutes, or what is wrong with it. */
function readSpan(part: string): Range | string {
  const match = SPAN.exec(part);
  const marker = nextDayMarker();
  // After the times only the next-day marker may follow (as this language writes it, any case).
  const rest = match?.[5]?.trim() ?? '';
  if (!match || (rest !== '' && rest.toLocaleLowerCase() !== marker.toLocaleLowerCase())) return say('people.hours.notASpan', { part });
  const from = minutesOf(match[1]!, match[2]!);
  const to = minutesOf(match[3]!, match[4]!);
  if (from === null || to === null || from === DAY) return say('people.hours.noSuchTime', { part });
  if (from === to) return say('people.hours.sameStartAndEnd', { part });
  const overnight = to < from;
  if (rest !== '' && !overnight) return say('people.hours.sameDayMarked', { part, marker });
  return { from, to: to === 0 ? DAY : overnight ? to + DAY : to };
}

function parseRanges(text: string): { ok: true; ranges: Range[] } | { ok: false; message: string } {
  const parts = text
    .split(/[,;]/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const ranges: Range[] = [];
  for (const part of parts) {
    const read = readSpan(part);
    if (typeof read === 'string') return { ok: false, message: read };
    ranges.push(read);
  }
  ranges.sort((a, b) => a.from - b.from);
  for (let i = 1; i < ranges.length; i++) {
    if (ranges[i]!.from < ranges[i - 1]!.to) return { ok: false, message: say('people.hours.overlap', { first: rangeText(ranges[i - 1]!), second: rangeText(ranges[i]!) }) };
  }
  return { ok: true, ranges };
}

const toSpan = (r: Range): Span => ({ from: wall(r.from), to: wall(r.to > DAY ? r.to - DAY : r.to) });

/**
 * One day's text as spans, or a message saying what is wrong with it. A span whose end is at or
 * before its start (`22:00–06:00`) runs into the next day and is kept as the API has it: `to` before `from`.
 */
export function parseDay(text: string): { ok: true; spans: Span[] } | { ok: false; message: string } {
  const parsed = parseRanges(text);
  return parsed.ok ? { ok: true, spans: parsed.ranges.map(toSpan) } : parsed;
}

/** `Ends on Tuesday at 06:00.` for each span of `day` that runs past midnight; empty when none does or the text cannot be read. */
export function overnightNote(day: WeekdayKey, text: string): string {
  const parsed = parseRanges(text);
  if (!parsed.ok) return '';
  const next = WEEKDAY_KEYS[(WEEKDAY_KEYS.indexOf(day) + 1) % 7]!;
  return parsed.ranges
    .filter((r) => r.to > DAY)
    .map((r) => say('people.hours.endsNextDay', { span: rangeText(r), day: next, time: wall(r.to - DAY) }))
    .join(' ');
}

/**
 * The whole week, or the message for each day that cannot be read. A span that runs past midnight
 * must end before the next day's first span starts (Sunday's runs into Monday).
 */
export function parseWeek(text: WeeklyText): { ok: true; hours: WeeklyHours } | { ok: false; errors: Partial<Record<WeekdayKey, string>> } {
  const days = new Map<WeekdayKey, Range[]>();
  const errors: Partial<Record<WeekdayKey, string>> = {};
  for (const day of WEEKDAY_KEYS) {
    const parsed = parseRanges(text[day]);
    if (!parsed.ok) errors[day] = parsed.message;
    else days.set(day, parsed.ranges);
  }
  WEEKDAY_KEYS.forEach((day, i) => {
    const next = WEEKDAY_KEYS[(i + 1) % 7]!;
    const late = days.get(day)?.find((r) => r.to > DAY);
    const early = days.get(next)?.[0];
    if (late && early && early.from < late.to - DAY && !errors[day]) {
      errors[day] = say('people.hours.runsIntoNextDay', { span: rangeText(late), day: next, next: rangeText(early), time: wall(early.from) });
    }
  });
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const hours: WeeklyHours = {};
  for (const [day, ranges] of days) if (ranges.length > 0) hours[day] = ranges.map(toSpan);
  return { ok: true, hours };
}
