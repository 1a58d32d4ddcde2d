/**
 * Spans of wall-clock time as a person reads them, in the language shown: `2d 4h 1m`, `3h 5m`,
 * `12m 30s` (narrow, for countdowns) or `2 days, 4 hours, 1 minute` (long). Intl.DurationFormat where
 * the browser has it; elsewhere the same units from the `time.duration.*` messages, joined as Intl
 * joins a list of units.
 */
import type { IntlShape } from 'react-intl';
import { activeIntl } from '../i18n/active.js';
import { type AppLocale, baseLocale, PSEUDO_LOCALE } from '../i18n/locales.js';

export type SpanStyle = 'narrow' | 'long';

export interface SpanParts {
  days?: number;
  hours?: number;
  minutes?: number;
  seconds?: number;
}

/**
 * The units a span is read in: days, hours and minutes from a day up; hours and minutes from an
 * hour; minutes and seconds from a minute; seconds below. Units that come out zero are left out.
 */
export function spanParts(ms: number): SpanParts {
  const total = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const parts: SpanParts = days > 0 ? { days, hours, minutes } : hours > 0 ? { hours, minutes } : minutes > 0 ? { minutes, seconds } : { seconds };
  const shown = Object.fromEntries(Object.entries(parts).filter(([, value]) => value > 0)) as SpanParts;
  return Object.keys(shown).length > 0 ? shown : { seconds: 0 };
}

interface DurationFormatLike {
  format(duration: SpanParts): string;
}
type DurationFormatConstructor = new (locale: string, options: { style: SpanStyle }) => DurationFormatLike;

/** The browser's Intl.DurationFormat, or undefined where it has none. */
export function nativeDurationFormat(): DurationFormatConstructor | undefined {
  return (Intl as unknown as { DurationFormat?: DurationFormatConstructor }).DurationFormat;
}

const UNIT_MESSAGES = {
  narrow: { days: 'time.duration.narrow.days', hours: 'time.duration.narrow.hours', minutes: 'time.duration.narrow.minutes', seconds: 'time.duration.narrow.seconds' },
  long: { days: 'time.duration.long.days', hours: 'time.duration.long.hours', minutes: 'time.duration.long.minutes', seconds: 'time.duration.long.seconds' },
} as const;

/** A span in the units of the `time.duration.*` messages, joined as a list of units. */
export function formatSpanFromMessages(parts: SpanParts, style: SpanStyle, intl: IntlShape): string {
  const units = (['days', 'hours', 'minutes', 'seconds'] as const).filter((unit) => parts[unit] !== undefined);
  const texts = units.map((unit) => intl.formatMessage({ id: UNIT_MESSAGES[style][unit] }, { count: parts[unit]! }));
  return intl.formatList(texts, { type: 'unit', style: style === 'narrow' ? 'narrow' : 'long' });
}

const durationFormats = new Map<string, DurationFormatLike>();

/** `ms` as a span in the language shown (see {@link spanParts} for the units). */
export function formatSpan(ms: number, style: SpanStyle = 'narrow', options: { intl?: IntlShape; durationFormat?: DurationFormatConstructor | null } = {}): string {
  const intl = options.intl ?? activeIntl();
  const parts = spanParts(ms);
  const DurationFormat = options.durationFormat === undefined ? nativeDurationFormat() : options.durationFormat;
  // The pseudo-locale marks its units too, so its spans come from the (accented) messages.
  if (!DurationFormat || intl.locale === PSEUDO_LOCALE) return formatSpanFromMessages(parts, style, intl);
  const locale = baseLocale(intl.locale as AppLocale);
  if (options.durationFormat) return new DurationFormat(locale, { style }).format(parts);
  const key = `${locale}|${style}`;
  let format = durationFormats.get(key);
  if (!format) {
    format = new DurationFormat(locale, { style });
    durationFormats.set(key, format);
  }
  return format.format(parts);
}
