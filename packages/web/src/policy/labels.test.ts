import { describe, expect, it } from 'vitest';
import { testIntl } from '../i18n/build/testing.js';
import { channelsText, listOf, metricKindLabel, pausingStatuses } from './labels.js';

describe("a pack's enums and lists in words", () => {
  it('words metric kinds, pausing statuses and channels in the language shown, unknown ids as they are', () => {
    expect(metricKindLabel(testIntl('en'), 'first_response')).toBe('first response');
    expect(metricKindLabel(testIntl('de'), 'next_update')).toBe('nächste Rückmeldung');
    expect(metricKindLabel(testIntl('ru'), 'uptime')).toBe('uptime');
    expect(pausingStatuses(testIntl('en'), ['pending', 'on_hold'])).toBe('pending or on hold');
    expect(pausingStatuses(testIntl('pt-BR'), ['pending', 'on_hold'])).toBe('aguardando resposta ou em espera');
    expect(channelsText(testIntl('es'), ['chat', 'email'])).toBe('chat y correo electrónico');
  });

  it("lists names with the language's own separators", () => {
    expect(listOf(testIntl('en'), ['Thanksgiving Day (26)', 'Day after Thanksgiving (27)'])).toBe('Thanksgiving Day (26), Day after Thanksgiving (27)');
    expect(listOf(testIntl('de'), ['a', 'b', 'c'])).toBe('a, b und c');
  });
});
