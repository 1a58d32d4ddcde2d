import { parse } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { intlFor } from './active.js';
import { accent, pseudoCatalog } from './pseudo.js';

describe('the pseudo-locale', () => {
  it('accents and brackets the text, keeping arguments and plurals', () => {
    expect(accent('Tickets')).toBe('Ťíçķéţš');
    const catalog = pseudoCatalog({
      'a.b.title': parse('Tickets'),
      'a.b.count': parse('{count, plural, one {# ticket for {name}} other {# tickets for {name}}}'),
    });
    const intl = intlFor('en-XA', catalog);
    expect(intl.formatMessage({ id: 'a.b.title' })).toBe('[Ťíçķéţš one]');
    expect(intl.formatMessage({ id: 'a.b.count' }, { count: 1, name: 'Ada' })).toBe('[1 ţíçķéţ ƒóŕ Ada one two]');
    expect(intl.formatMessage({ id: 'a.b.count' }, { count: 3, name: 'Ada' })).toMatch(/^\[3 ţíçķéţš ƒóŕ Ada /);
  });
});
