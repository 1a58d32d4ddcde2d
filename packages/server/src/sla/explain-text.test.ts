import { describe, expect, it } from 'vitest';
import { holidayNameIn } from './explain-holidays.js';
import { closedReasonText, explanationLines, type ExplanationStep } from './explain-text.js';

describe('holiday names in the reader\'s language', () => {
  it('takes the name from date-holidays for the countries of the calendar\'s zone', () => {
    expect(holidayNameIn('de', 'Christmas Day', '2026-12-25', 'America/Los_Angeles')).toBe('Weihnachten');
    expect(holidayNameIn('ru', "New Year's Day", '2026-01-01', 'America/Los_Angeles')).toBe('Новый год');
    expect(holidayNameIn('es', 'Thanksgiving Day', '2026-11-26', 'America/Los_Angeles')).toBe('Acción de Gracias');
    expect(holidayNameIn('pt-BR', 'Good Friday', '2026-04-03', 'America/Sao_Paulo')).toBe('Sexta-Feira Santa');
    expect(holidayNameIn('de', 'Good Friday', '2026-04-03', 'Europe/Berlin')).toBe('Karfreitag');
  });

  it('keeps the calendar\'s name where the library has none in that language, never another language\'s', () => {
    // US Thanksgiving has English and Spanish names only: Russian and German readers see the English one.
    expect(holidayNameIn('ru', 'Thanksgiving Day', '2026-11-26', 'America/Los_Angeles')).toBe('Thanksgiving Day');
    expect(holidayNameIn('de', 'Thanksgiving Day', '2026-11-26', 'America/Los_Angeles')).toBe('Thanksgiving Day');
    expect(holidayNameIn('de', 'Day after Thanksgiving', '2026-11-27', 'America/Los_Angeles')).toBe('Day after Thanksgiving');
    expect(holidayNameIn('de', 'Company offsite', '2026-06-01', 'Mars/Olympus')).toBe('Company offsite');
    expect(holidayNameIn('en', 'Christmas Day', '2026-12-25', 'America/Los_Angeles')).toBe('Christmas Day');
  });
});

describe('explanations in the reader\'s language', () => {
  const zone = 'America/Los_Angeles';
  const steps: ExplanationStep[] = [
    { kind: 'skipped', from: '2026-12-25T00:00:00-08:00', to: '2026-12-26T00:00:00-08:00', reason: 'holiday', name: 'Christmas Day' },
    { kind: 'counted', from: '2026-12-24T16:00:00-08:00', to: '2026-12-24T18:00:00-08:00', duration_ms: 2 * 3_600_000 },
    { kind: 'skipped', from: '2026-12-24T18:00:00-08:00', to: '2026-12-25T00:00:00-08:00', reason: 'night' },
    { kind: 'skipped', from: '2026-12-26T00:00:00-08:00', to: '2026-12-28T00:00:00-08:00', reason: 'weekend' },
  ];

  it('writes each step in time order', () => {
    expect(explanationLines('en', steps, zone, { max: 10, moreUrl: '/x' })).toEqual([
      'Counted 2026-12-24T16:00:00-08:00 to 2026-12-24T18:00:00-08:00 (2h)',
      'Not counted 2026-12-24T18:00:00-08:00 to 2026-12-25T00:00:00-08:00: night',
      'Not counted 2026-12-25T00:00:00-08:00 to 2026-12-26T00:00:00-08:00: closed for Christmas Day',
      'Not counted 2026-12-26T00:00:00-08:00 to 2026-12-28T00:00:00-08:00: weekend',
    ]);
    expect(explanationLines('de', steps, zone, { max: 10, moreUrl: '/x' })).toEqual([
      'Gezählt von 2026-12-24T16:00:00-08:00 bis 2026-12-24T18:00:00-08:00 (2 Std.)',
      'Nicht gezählt von 2026-12-24T18:00:00-08:00 bis 2026-12-25T00:00:00-08:00: Nacht',
      'Nicht gezählt von 2026-12-25T00:00:00-08:00 bis 2026-12-26T00:00:00-08:00: geschlossen wegen Weihnachten',
      'Nicht gezählt von 2026-12-26T00:00:00-08:00 bis 2026-12-28T00:00:00-08:00: Wochenende',
    ]);
  });

  it('says how many lines more there are, with Russian plural forms', () => {
    const many = Array.from({ length: 7 }, (_, i): ExplanationStep => ({ kind: 'skipped', from: `2026-03-0${i + 1}T18:00:00-08:00`, to: `2026-03-0${i + 2}T06:00:00-08:00`, reason: 'night' }));
    expect(explanationLines('ru', many, zone, { max: 2, moreUrl: '/api/v1/x' }).at(-1)).toBe('… и ещё 5 строк (см. /api/v1/x)');
    expect(explanationLines('ru', many, zone, { max: 4, moreUrl: '/api/v1/x' }).at(-1)).toBe('… и ещё 3 строки (см. /api/v1/x)');
    expect(explanationLines('en', many, zone, { max: 6, moreUrl: '/api/v1/x' }).at(-1)).toBe('… and 1 more (see /api/v1/x)');
  });

  it('names pauses and exceptions', () => {
    expect(closedReasonText('pt-BR', 'paused', 'pending', '2026-03-02', zone)).toBe('pausado enquanto aguarda o cliente');
    expect(closedReasonText('es', 'exception', 'closed', '2026-03-02', zone)).toBe('cerrado por una excepción al horario habitual');
    expect(closedReasonText('ru', 'closed_day', undefined, '2026-03-02', zone)).toBe('нерабочий день');
  });
});
