import { describe, expect, it } from 'vitest';
import { matchLocale, negotiateLocale, recipientLocale } from './negotiate.js';

describe('choosing a locale', () => {
  it('matches tags to the desk\'s locales by exact tag, then by language', () => {
    expect(matchLocale('pt-BR')).toBe('pt-BR');
    expect(matchLocale('PT-br')).toBe('pt-BR');
    expect(matchLocale('pt')).toBe('pt-BR');
    expect(matchLocale('pt-PT')).toBe('pt-BR');
    expect(matchLocale('de-AT')).toBe('de');
    expect(matchLocale('es-419')).toBe('es');
    expect(matchLocale('en-US')).toBe('en');
    expect(matchLocale('fr')).toBeNull();
    expect(matchLocale('')).toBeNull();
    expect(matchLocale(null)).toBeNull();
  });

  it('reads Accept-Language by weight and order, skipping languages the desk does not speak', () => {
    expect(negotiateLocale('de-CH, de;q=0.9, en;q=0.5')).toBe('de');
    expect(negotiateLocale('fr-FR, fr;q=0.9, es;q=0.8, en;q=0.7')).toBe('es');
    expect(negotiateLocale('en;q=0.4, ru;q=0.8')).toBe('ru');
    expect(negotiateLocale('pt-BR,pt;q=0.9')).toBe('pt-BR');
    expect(negotiateLocale('ru;q=0, de')).toBe('de');
    expect(negotiateLocale('fr, it')).toBeUndefined();
    expect(negotiateLocale('*')).toBeUndefined();
    expect(negotiateLocale(undefined)).toBeUndefined();
  });

  it('writes to a person in their own locale, to a customer who has none in the ticket\'s language, else in English', () => {
    expect(recipientLocale({ locale: 'de', role: 'customer' }, 'pt-BR')).toBe('de');
    expect(recipientLocale({ locale: null, role: 'customer' }, 'pt-BR')).toBe('pt-BR');
    expect(recipientLocale({ locale: null, role: 'customer' }, 'hi')).toBe('en');
    expect(recipientLocale({ locale: null, role: 'agent' }, 'ru')).toBe('en');
    expect(recipientLocale({ locale: 'ru', role: 'agent' }, 'en')).toBe('ru');
  });
});
