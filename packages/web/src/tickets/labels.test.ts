import { afterEach, describe, expect, it } from 'vitest';
import { useLanguage } from '../i18n/build/testing.js';
import { eventLabel, fieldLabel, metricLabel, STATUSES, statusLabel } from './labels.js';

describe('words for the API ids', () => {
  afterEach(async () => {
    await useLanguage('en');
  });

  it('name statuses for the customer and for staff, metrics and events', () => {
    expect(STATUSES.map((s) => statusLabel(s))).toEqual(['New', 'Open', 'Pending (waiting on you)', 'On hold', 'Solved', 'Closed']);
    expect(statusLabel('pending', true)).toBe('Pending (waiting on the customer)');
    expect(metricLabel('first_response')).toBe('First response');
    expect(eventLabel('reclassified')).toBe('Priority changed');
    expect(fieldLabel('assignee_id')).toBe('assignee');
  });

  it('make an id nobody has words for readable', () => {
    expect(statusLabel('waiting_on_vendor')).toBe('Waiting on vendor');
    expect(metricLabel('time_to_fix')).toBe('Time to fix');
    expect(fieldLabel('due_date')).toBe('due date');
  });

  it('follow the language shown', async () => {
    await useLanguage('de');
    expect(statusLabel('pending')).toBe('Wartend (auf Ihre Antwort)');
    expect(metricLabel('acknowledgment')).toBe('Eingangsbestätigung');
    await useLanguage('ru');
    expect(statusLabel('solved', true)).toBe('Решено');
    expect(eventLabel('created')).toBe('Обращение открыто');
  });
});
