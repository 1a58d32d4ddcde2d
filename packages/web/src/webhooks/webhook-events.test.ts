import { describe, expect, it } from 'vitest';
import { schemaEnums } from '../api/schema.gen.js';
import { testIntl } from '../i18n/build/testing.js';
import { LOCALES } from '../i18n/locales.js';
import { eventLabel, eventsText, outcomeLabel, WEBHOOK_EVENTS } from './webhook-events.js';

describe('webhook events in words', () => {
  it('offers exactly the events of the generated API contract, in its order', () => {
    expect(WEBHOOK_EVENTS).toEqual(schemaEnums.WebhookEvent);
  });

  it('says what every event of the contract means, in every language, each differently', () => {
    for (const locale of LOCALES) {
      const intl = testIntl(locale);
      const labels = WEBHOOK_EVENTS.map((event) => eventLabel(event, intl));
      for (const label of labels) expect(label).not.toMatch(/^webhooks\./);
      expect(new Set(labels).size, `${locale}: two events read the same`).toBe(WEBHOOK_EVENTS.length);
    }
    expect(eventLabel('ticket_created', testIntl('de'))).toBe('Ein Ticket wird eröffnet');
    expect(eventLabel('ticket_created', testIntl('pt-BR'))).toBe('Um ticket é aberto');
  });

  it('names an endpoint that takes every event in words, and chosen events by their ids', () => {
    expect(eventsText([], testIntl('en'))).toBe('every event');
    expect(eventsText([], testIntl('ru'))).toBe('все события');
    expect(eventsText(['ticket_created', 'breached'], testIntl('de'))).toBe('ticket_created, breached');
  });

  it('words the delivery outcomes, and shows an outcome it does not know as its id', () => {
    expect(outcomeLabel('retry_scheduled', testIntl('en'))).toBe('retrying');
    expect(outcomeLabel('dead_letter', testIntl('es'))).toBe('descartado');
    expect(outcomeLabel('lost' as never, testIntl('de'))).toBe('lost');
  });
});
