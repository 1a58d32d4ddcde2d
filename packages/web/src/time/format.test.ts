import { beforeAll, describe, expect, it } from 'vitest';
import { useLanguage } from '../i18n/build/testing.js';
import { dueStatus, formatDay, formatInstant, formatTimeOfDay, weekdayName, zoneLabel } from './format.js';

const target = (over: Partial<Parameters<typeof dueStatus>[0]>) => ({
  state: 'active' as const,
  due_at: '2026-11-30T17:00:00.000Z',
  warning_at: '2026-11-30T16:00:00.000Z',
  met_at: null,
  at_risk: false,
  none_reason: null,
  ...over,
});
const due = Date.parse('2026-11-30T17:00:00Z');

describe('time for people', () => {
  beforeAll(() => useLanguage('en'));

  it('formats instants in the given zone and names the zone', async () => {
    await useLanguage('en');
    expect(formatInstant('2026-11-26T00:30:00Z', 'America/Denver')).toBe('Wed 25 Nov, 17:30');
    expect(formatInstant('2026-11-26T00:30:00Z', 'Europe/Berlin')).toBe('Thu 26 Nov, 01:30');
    expect(formatInstant(Date.parse('2026-11-26T00:30:00Z'), 'UTC')).toBe('Thu 26 Nov, 00:30');
    expect(formatTimeOfDay('2026-11-26T00:30:00Z', 'Asia/Kolkata')).toBe('06:00');
    expect(formatDay('2026-11-26T00:30:00Z', 'America/Denver')).toBe('Wed 25 Nov');
    expect(formatInstant('not a time', 'UTC')).toBe('unknown time');
    expect(zoneLabel('America/Denver', '2026-11-26T00:30:00Z')).toBe('America/Denver (MST)');
    expect(zoneLabel('America/Denver', '2026-07-01T00:00:00Z')).toBe('America/Denver (MDT)');
    expect(zoneLabel('UTC')).toBe('UTC');
    expect(weekdayName(1)).toBe('Mon');
    expect(weekdayName(7, 'long')).toBe('Sunday');
    expect(() => weekdayName(0)).toThrow('ISO weekday');
  });

  it('writes dates and weekdays the way each language does', async () => {
    await useLanguage('de');
    expect(formatInstant('2026-11-26T00:30:00Z', 'America/Denver')).toBe('Mi., 25. Nov., 17:30');
    expect(weekdayName(4, 'long')).toBe('Donnerstag');
    expect(zoneLabel('Europe/Berlin', '2026-11-26T00:30:00Z')).toBe('Europe/Berlin (MEZ)');
    await useLanguage('pt-BR');
    expect(formatInstant('2026-11-26T00:30:00Z', 'America/Sao_Paulo')).toBe('qua., 25 de nov., 21:30');
    expect(formatInstant('nonsense', 'UTC')).toBe('horário desconhecido');
    await useLanguage('ru');
    expect(formatInstant('2026-11-26T00:30:00Z', 'Europe/Moscow')).toBe('чт, 26 нояб., 03:30');
    expect(weekdayName(1, 'long')).toBe('понедельник');
    await useLanguage('es');
    expect(formatDay('2026-11-26T00:30:00Z', 'Europe/Madrid')).toBe('jue, 26 nov');
  });

  it('colours a target by where it stands and says so in the language shown', async () => {
    await useLanguage('en');
    expect(dueStatus(target({}), due - 2 * 3_600_000 - 5 * 60_000)).toEqual({ tone: 'ok', text: 'due in 2h 5m' });
    expect(dueStatus(target({}), due - 30 * 60_000).tone).toBe('warning');
    expect(dueStatus(target({}), due + 90_000)).toEqual({ tone: 'breached', text: 'overdue by 1m 30s' });
    expect(dueStatus(target({ state: 'breached', met_at: '2026-11-30T18:00:00.000Z' }), due + 5 * 3_600_000).text).toBe('met late, 1h after the due time');
    expect(dueStatus(target({ state: 'none', due_at: null, none_reason: 'no_target' }), due).text).toBe('no response target on this plan');
    expect(dueStatus(target({ state: 'none', due_at: null, none_reason: null }), due).text).toBe('no SLA');
    expect(dueStatus(target({ state: 'paused', due_at: null }), due).tone).toBe('paused');
    await useLanguage('de');
    expect(dueStatus(target({}), due - 2 * 3_600_000).text).toBe('fällig in 2 Std.');
    expect(dueStatus(target({}), due + 90_000).text).toBe('seit 1 Min., 30 Sek. überfällig');
    expect(dueStatus(target({ state: 'met' }), due).text).toBe('erfüllt');
    await useLanguage('ru');
    expect(dueStatus(target({}), due + 26 * 3_600_000).text).toBe('просрочено на 1 д. 2 ч');
    expect(dueStatus(target({ state: 'none', due_at: null, none_reason: 'channel_without_sla' }), due).text).toBe('для этого канала нет SLA');
  });
});
