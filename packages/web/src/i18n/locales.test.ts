import { describe, expect, it } from 'vitest';
import { baseLocale, matchLocale, negotiateLocale } from './locales.js';

describe('choosing the language', () => {
  it('matches browser tags to the desk’s languages', () => {
    expect(matchLocale('pt')).toBe('pt-BR');
    expect(matchLocale('pt-PT')).toBe('pt-BR');
    expect(matchLocale('pt-br')).toBe('pt-BR');
    expect(matchLocale('de-AT')).toBe('de');
    expect(matchLocale('es-419')).toBe('es');
    expect(matchLocale('en-US')).toBe('en');
    expect(matchLocale('ru_RU')).toBe('ru');
    expect(matchLocale('fr-FR')).toBeNull();
    expect(matchLocale('')).toBeNull();
  });

  it('takes the profile, then the stored choice, then the browser, then English', () => {
    expect(negotiateLocale({ profile: 'ru', stored: 'de', browser: ['es'] })).toBe('ru');
    expect(negotiateLocale({ profile: null, stored: 'de', browser: ['es'] })).toBe('de');
    expect(negotiateLocale({ stored: null, browser: ['fr-CA', 'de-CH', 'es'] })).toBe('de');
    expect(negotiateLocale({ browser: ['fr', 'ja'] })).toBe('en');
    expect(negotiateLocale({})).toBe('en');
  });

  it('lets the address choose, including the pseudo-locale', () => {
    expect(negotiateLocale({ requested: 'en-XA', profile: 'de' })).toBe('en-XA');
    expect(negotiateLocale({ requested: 'pt', profile: 'de' })).toBe('pt-BR');
    expect(negotiateLocale({ requested: 'klingon', profile: 'de' })).toBe('de');
    expect(baseLocale('en-XA')).toBe('en');
    expect(baseLocale('ru')).toBe('ru');
  });
});
