import { beforeAll, describe, expect, it } from 'vitest';
import { testIntl, useLanguage } from '../i18n/build/testing.js';
import { formatSpan, spanParts } from './duration.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** The messages, as browsers without Intl.DurationFormat read them. */
const messages = { durationFormat: null } as const;

describe('spans of time', () => {
  beforeAll(() => useLanguage('en'));

  it('reads a span in the two largest units it has, leaving out zeros', () => {
    expect(spanParts(45_000)).toEqual({ seconds: 45 });
    expect(spanParts(12 * MIN + 5_000)).toEqual({ minutes: 12, seconds: 5 });
    expect(spanParts(3 * HOUR)).toEqual({ hours: 3 });
    expect(spanParts(2 * DAY + 4 * HOUR + MIN + 59_000)).toEqual({ days: 2, hours: 4, minutes: 1 });
    expect(spanParts(-5_000)).toEqual({ seconds: 0 });
  });

  it('counts down in English as Intl.DurationFormat writes it (narrow)', () => {
    const en = testIntl('en');
    expect(formatSpan(45_000, 'narrow', { ...messages, intl: en })).toBe('45s');
    expect(formatSpan(12 * MIN + 5_000, 'narrow', { ...messages, intl: en })).toBe('12m 5s');
    expect(formatSpan(3 * HOUR + 5 * MIN, 'narrow', { ...messages, intl: en })).toBe('3h 5m');
    expect(formatSpan(2 * DAY + 4 * HOUR + MIN, 'narrow', { ...messages, intl: en })).toBe('2d 4h 1m');
    expect(formatSpan(2 * DAY + MIN, 'long', { ...messages, intl: en })).toBe('2 days, 1 minute');
  });

  it('uses the plural forms of each language', () => {
    const ru = testIntl('ru');
    expect(formatSpan(1 * DAY, 'long', { ...messages, intl: ru })).toBe('1 день');
    expect(formatSpan(2 * DAY + 21 * MIN, 'long', { ...messages, intl: ru })).toBe('2 дня 21 минута');
    expect(formatSpan(5 * DAY + 3 * HOUR, 'long', { ...messages, intl: ru })).toBe('5 дней 3 часа');
    expect(formatSpan(11 * HOUR + 12 * MIN, 'long', { ...messages, intl: ru })).toBe('11 часов 12 минут');
    expect(formatSpan(22 * MIN + 1_000, 'long', { ...messages, intl: ru })).toBe('22 минуты 1 секунда');
    expect(formatSpan(90_000, 'narrow', { ...messages, intl: ru })).toBe('1 мин 30 с');
    const de = testIntl('de');
    expect(formatSpan(1 * DAY + HOUR, 'long', { ...messages, intl: de })).toBe('1 Tag, 1 Stunde');
    expect(formatSpan(2 * HOUR + 30 * MIN, 'long', { ...messages, intl: de })).toBe('2 Stunden, 30 Minuten');
    expect(formatSpan(90_000, 'narrow', { ...messages, intl: de })).toBe('1 Min., 30 Sek.');
    const pt = testIntl('pt-BR');
    expect(formatSpan(1 * DAY + 2 * HOUR, 'long', { ...messages, intl: pt })).toBe('1 dia e 2 horas');
    const es = testIntl('es');
    expect(formatSpan(3 * MIN + 1_000, 'long', { ...messages, intl: es })).toBe('3 minutos y 1 segundo');
  });

  it('hands the same units to Intl.DurationFormat where the browser has it', () => {
    const seen: unknown[] = [];
    class FakeDurationFormat {
      constructor(readonly locale: string, readonly options: { style: string }) {}
      format(parts: object) {
        seen.push({ locale: this.locale, style: this.options.style, parts });
        return 'formatted';
      }
    }
    expect(formatSpan(3 * HOUR + 5 * MIN, 'narrow', { intl: testIntl('de'), durationFormat: FakeDurationFormat })).toBe('formatted');
    expect(formatSpan(90_000, 'long', { intl: testIntl('ru'), durationFormat: FakeDurationFormat })).toBe('formatted');
    expect(seen).toEqual([
      { locale: 'de', style: 'narrow', parts: { hours: 3, minutes: 5 } },
      { locale: 'ru', style: 'long', parts: { minutes: 1, seconds: 30 } },
    ]);
    // The pseudo-locale marks its units as it marks every text.
    expect(formatSpan(90_000, 'narrow', { intl: testIntl('en-XA'), durationFormat: FakeDurationFormat })).toBe('[1ɱ] [30š]');
  });
});
