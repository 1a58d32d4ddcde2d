import { formatDuration } from '@hourglass/engine';
import type { Locale } from './locales.js';

/** Formatters made once per locale, zone and style (making one is far slower than formatting with it). */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();
const listFormats = new Map<string, Intl.ListFormat>();

function cached<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let found = map.get(key);
  if (found === undefined) {
    found = make();
    map.set(key, found);
  }
  return found;
}

const dateFormat = (key: string, make: () => Intl.DateTimeFormat) => cached(dateFormats, key, make);

/**
 * An instant as wall time in `zone`, in the words of `locale`, with the zone named by its
 * abbreviation (or GMT offset) and its IANA name, so no reader has to guess which zone a time is in:
 * "Wednesday 2 April 2025, 09:00 MDT (America/Denver)", "Mittwoch, 2. April 2025 um 09:00 MESZ (Europe/Berlin)".
 * Throws RangeError for an unknown zone.
 */
export function formatZonedIn(locale: Locale, at: number, zone: string): string {
  const local = locale === 'en' ? englishWallTime(at, zone) : dateFormat(`wall ${locale} ${zone}`, () => new Intl.DateTimeFormat(locale, { timeZone: zone, dateStyle: 'full', timeStyle: 'short', hourCycle: 'h23' })).format(at);
  const abbreviation = zoneAbbreviation(locale, at, zone);
  return abbreviation === zone ? `${local} ${zone}` : `${local} ${abbreviation} (${zone})`;
}

/** "Wednesday 2 April 2025, 09:00": the English form the desk has always written (British order, 24-hour clock). */
function englishWallTime(at: number, zone: string): string {
  const parts = dateFormat(`wall en ${zone}`, () =>
    new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
  ).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}, ${part('hour')}:${part('minute')}`;
}

/** "MDT", "MESZ", "GMT+5:30": the short name of `zone` at `at`; for English, a letter abbreviation where American or British English has one. */
function zoneAbbreviation(locale: Locale, at: number, zone: string): string {
  const short = (tag: string) =>
    dateFormat(`short ${tag} ${zone}`, () => new Intl.DateTimeFormat(tag, { timeZone: zone, timeZoneName: 'short' }))
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value ?? '';
  if (locale !== 'en') return short(locale) || zone;
  const american = short('en-US');
  if (!american.startsWith('GMT') || american === 'GMT') return american || zone;
  const british = short('en-GB');
  return british && !british.startsWith('GMT') ? british : american;
}

const UNITS = [
  { unit: 'hour', ms: 3_600_000 },
  { unit: 'minute', ms: 60_000 },
  { unit: 'second', ms: 1_000 },
] as const;

/**
 * A duration of business time in the words of `locale`: "2h 30m" in English (the compact form of the
 * API), "2 Std., 30 Min." in German, "2 ч 30 мин" in Russian.
 */
export function formatDurationIn(locale: Locale, ms: number): string {
  if (locale === 'en') return formatDuration(ms);
  const sign = ms < 0 ? '-' : '';
  let rest = Math.abs(Math.round(ms));
  const parts: string[] = [];
  for (const { unit, ms: size } of UNITS) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > 0) parts.push(unitFormat(locale, unit).format(count));
  }
  if (parts.length === 0) parts.push(unitFormat(locale, 'minute').format(0));
  return sign + cached(listFormats, locale, () => new Intl.ListFormat(locale, { type: 'unit', style: 'narrow' })).format(parts);
}

const unitFormat = (locale: Locale, unit: string) =>
  cached(numberFormats, `${locale} ${unit}`, () => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' }));
