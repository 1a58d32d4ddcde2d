import { beforeAll, describe, expect, it } from 'vitest';
import { useLanguage } from '../i18n/build/testing.js';
import { localDateIn, monthName, monthWeeks, nextDate, openHoursByDate, shiftMonth } from './month.js';

describe('month view', () => {
  beforeAll(() => useLanguage('en'));

  it('groups open periods by local date, splitting those that run past midnight', () => {
    const hours = openHoursByDate([
      { start: '2026-11-25T06:00:00-08:00', end: '2026-11-25T18:00:00-08:00' },
      { start: '2026-11-27T22:00:00+05:30', end: '2026-11-30T02:00:00+05:30' },
      { start: '2026-12-01T00:00:00Z', end: '2026-12-02T00:00:00Z' },
    ]);
    expect(hours.get('2026-11-25')).toEqual([{ from: '06:00', to: '18:00' }]);
    expect(hours.get('2026-11-26')).toBeUndefined();
    expect(hours.get('2026-11-27')).toEqual([{ from: '22:00', to: '24:00' }]);
    expect(hours.get('2026-11-28')).toEqual([{ from: '00:00', to: '24:00' }]);
    expect(hours.get('2026-11-30')).toEqual([{ from: '00:00', to: '02:00' }]);
    expect(hours.get('2026-12-01')).toEqual([{ from: '00:00', to: '24:00' }]);
    expect(hours.has('2026-12-02')).toBe(false);
    expect(() => openHoursByDate([{ start: 'soon', end: 'later' }])).toThrow('not a local date');
  });

  it('lays a month out in weeks from Monday', () => {
    const weeks = monthWeeks(2026, 11);
    expect(weeks[0]).toEqual([null, null, null, null, null, null, '2026-11-01']);
    expect(weeks.at(-1)).toEqual(['2026-11-30', null, null, null, null, null, null]);
    expect(weeks.flat().filter(Boolean)).toHaveLength(30);
    expect(monthWeeks(2027, 2).flat().filter(Boolean)).toHaveLength(28);
  });

  it('moves between months and names them', () => {
    expect(shiftMonth({ year: 2026, month: 12 }, 1)).toEqual({ year: 2027, month: 1 });
    expect(shiftMonth({ year: 2026, month: 1 }, -1)).toEqual({ year: 2025, month: 12 });
    expect(monthName(2026, 11)).toBe('November 2026');
    expect(nextDate('2028-02-28')).toBe('2028-02-29');
    expect(localDateIn(Date.parse('2026-11-26T01:30:00Z'), 'America/Los_Angeles')).toBe('2026-11-25');
    expect(localDateIn(Date.parse('2026-11-26T01:30:00Z'), 'Asia/Kolkata')).toBe('2026-11-26');
  });

  it('names months in the language shown', async () => {
    await useLanguage('pt-BR');
    expect(monthName(2026, 11)).toBe('novembro de 2026');
    await useLanguage('ru');
    expect(monthName(2027, 3)).toBe('март 2027 г.');
    await useLanguage('en');
  });
});
