import { afterEach, describe, expect, it } from 'vitest';
import { useLanguage } from '../i18n/build/testing.js';
import { hoursNow } from './hours.js';

const at = (iso: string) => Date.parse(iso);
const nightShift = { zone: 'UTC', working_hours: { fri: [{ from: '22:00', to: '06:00' }], mon: [{ from: '09:00', to: '17:00' }] } };

describe('hoursNow', () => {
  it('counts a day span from its start to its end', () => {
    expect(hoursNow(nightShift, at('2026-11-23T10:00:00Z'))).toBe('working now (09:00–17:00 UTC, it is 10:00)');
    expect(hoursNow(nightShift, at('2026-11-23T17:00:00Z'))).toMatch(/^off now/);
  });

  it('counts an overnight span on its own day from its start and on the next day until its end', () => {
    expect(hoursNow(nightShift, at('2026-11-27T21:59:00Z'))).toMatch(/^off now \(22:00–06:00 \(next day\) UTC/);
    expect(hoursNow(nightShift, at('2026-11-27T23:00:00Z'))).toMatch(/^working now/);
    expect(hoursNow(nightShift, at('2026-11-28T05:59:00Z'))).toBe('working now (not working today UTC, it is 05:59)');
    expect(hoursNow(nightShift, at('2026-11-28T06:00:00Z'))).toMatch(/^off now/);
  });

  it('treats an end of 00:00 as midnight', () => {
    const late = { zone: 'UTC', working_hours: { mon: [{ from: '18:00', to: '00:00' }] } };
    expect(hoursNow(late, at('2026-11-23T23:59:00Z'))).toBe('working now (18:00–00:00 UTC, it is 23:59)');
    expect(hoursNow(late, at('2026-11-24T00:00:00Z'))).toMatch(/^off now/);
  });
});

describe('hoursNow in the language shown', () => {
  afterEach(async () => {
    await useLanguage('en');
  });

  it('says it in German and Spanish, with the next-day marker of that language', async () => {
    await useLanguage('de');
    expect(hoursNow(nightShift, at('2026-11-27T23:00:00Z'))).toBe('jetzt im Dienst (22:00–06:00 (Folgetag) UTC, es ist 23:00)');
    expect(hoursNow({ zone: 'Europe/Berlin', working_hours: null }, at('2026-11-27T23:00:00Z'))).toBe('keine Arbeitszeiten; in Europe/Berlin ist es 00:00');
    await useLanguage('es');
    expect(hoursNow(nightShift, at('2026-11-28T06:00:00Z'))).toBe('fuera de horario (hoy no trabaja UTC, hora local 06:00)');
  });
});
