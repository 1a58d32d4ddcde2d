import { describe, expect, it } from 'vitest';
import { formatDurationIn, formatZonedIn } from './intl-format.js';
import { translator } from './translator.js';

describe('translator', () => {
  it('fills in ICU arguments and plurals in each language', () => {
    const values = { number: 42, subject: 'Webhooks', days: 3 };
    expect(translator('en').t('email.autoSolved.solved', values)).toBe('Ticket #42 "Webhooks" was solved automatically after 3 business days without a reply.');
    expect(translator('de').t('email.autoSolved.solved', { ...values, days: 1 })).toContain('nach 1 Geschäftstag ohne Antwort');
    expect(translator('ru').t('email.autoSolved.solved', { ...values, days: 2 })).toContain('2 рабочих дня');
    expect(translator('ru').t('email.autoSolved.solved', { ...values, days: 5 })).toContain('5 рабочих дней');
    expect(translator('ru').t('email.autoSolved.solved', { ...values, days: 21 })).toContain('21 рабочий день');
    expect(translator('pt-BR').t('explain.reason.paused', { status: 'pending' })).toBe('pausado enquanto aguarda o cliente');
  });

  it('finds the id of an English text written elsewhere, so it can be shown translated', () => {
    const id = translator('de').idOfEnglish('Must be an email address.');
    expect(id).toBe('validation.email');
    expect(translator('de').t(id!)).toBe('Muss eine E-Mail-Adresse sein.');
    expect(translator('de').idOfEnglish('Something nobody wrote.')).toBeUndefined();
  });
});

describe('dates and durations in the reader\'s words', () => {
  const at = Date.parse('2026-03-02T17:00:00Z');
  it('keeps the English form and writes the others with Intl', () => {
    expect(formatZonedIn('en', at, 'America/Los_Angeles')).toBe('Monday 2 March 2026, 09:00 PST (America/Los_Angeles)');
    expect(formatZonedIn('de', at, 'Europe/Berlin')).toBe('Montag, 2. März 2026 um 18:00 MEZ (Europe/Berlin)');
    expect(formatZonedIn('pt-BR', at, 'America/Sao_Paulo')).toBe('segunda-feira, 2 de março de 2026 às 14:00 BRT (America/Sao_Paulo)');
    expect(formatZonedIn('ru', at, 'Europe/Moscow')).toMatch(/^понедельник, 2 марта 2026 г\. в 20:00 .+ \(Europe\/Moscow\)$/);
  });

  it('writes business durations with the locale\'s units', () => {
    expect(formatDurationIn('en', 9_000_000)).toBe('2h 30m');
    expect(formatDurationIn('de', 9_000_000)).toBe('2 Std., 30 Min.');
    expect(formatDurationIn('ru', 1_800_000)).toBe('30 мин');
    expect(formatDurationIn('es', 0)).toBe('0 min');
  });
});
