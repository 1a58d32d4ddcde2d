import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../i18n/index.js';
import { NOTIFY_EVENTS, type NotifyEvent } from '../events.js';
import { renderTemplate } from './index.js';
import type { TemplateData, TicketSummary } from './types.js';

const ticket: TicketSummary = { id: '7d9f2c1e-4b8a-4f3e-9c21-0a5b6c7d8e9f', number: 1234, subject: 'Webhook retries', url: 'https://desk.example.test/portal/tickets/7d9f' };
const due = { iso: '2026-12-24T11:00:00-08:00', zone: 'America/Los_Angeles' };
const steps = [
  { kind: 'counted' as const, from: '2026-12-24T09:00:00-08:00', to: '2026-12-24T11:00:00-08:00', duration_ms: 7_200_000 },
  { kind: 'skipped' as const, from: '2026-12-25T00:00:00-08:00', to: '2026-12-26T00:00:00-08:00', reason: 'holiday' as const, name: 'Christmas Day' },
];
const DATA: { [E in NotifyEvent]: TemplateData[E] } = {
  ticket_created: { ticket, requesterName: 'Gabriel Nunes', priority: 'P2', targets: [{ metric: 'first_response', due }] },
  public_reply: { ticket, authorName: 'Rafaela Duarte', body: 'Please send the logs.' },
  pending_reminder: { ticket, autoSolveAt: due },
  auto_solved: { ticket, pendingBusinessDays: 1 },
  assigned: { ticket, assigneeName: 'Irina Sokolova', priority: 'P1', targets: [{ metric: 'first_response', due }] },
  breach_warning: { ticket, metric: 'first_response', due, remainingMs: 1_800_000, explanation: steps, explanationZone: 'America/Los_Angeles', explanationHidden: 3 },
  breached: { ticket, metric: 'first_response', due, explanation: steps, explanationZone: 'America/Los_Angeles' },
  escalated: { ticket, reason: 'Production is down', escalatedBy: 'Frieda Lang', responseDue: due },
  escalation_warning: { ticket, reason: 'Production is down', escalatedBy: 'Frieda Lang', responseDue: due, remainingMs: 900_000 },
  escalation_breached: { ticket, reason: 'Production is down', escalatedBy: 'Frieda Lang', responseDue: due, assigneeName: 'Lena Vogt' },
};

/** Sentences of the English templates that must not show in another language's email. */
const ENGLISH = [/\bView ticket\b/, /\bOpen ticket\b/, /\bReply to this email\b/, /\bbusiness time\b/, /\bHello\b/, /\bwas solved\b/, /\bdue\b/, /\bCounted\b/, /\bNot counted\b/, /\bReason:/, /\bAssigned to\b/];

describe('every email in every language', () => {
  it.each(LOCALES.flatMap((locale) => NOTIFY_EVENTS.map((event) => [locale, event] as const)))('%s %s: renders, keeps the [#number] tag whole and names its language', (locale, event) => {
    const rendered = renderTemplate(event, DATA[event] as never, locale);
    expect(rendered.subject.startsWith('[#1234] ')).toBe(true);
    expect(rendered.html).toContain(`<html lang="${locale}">`);
    expect(rendered.text).toContain('#1234');
    if (locale !== 'en') for (const pattern of ENGLISH) expect(rendered.text).not.toMatch(pattern);
  });

  it('phrases explanation steps, holiday names and plurals in the reader\'s language', () => {
    const spanish = renderTemplate('breach_warning', DATA.breach_warning, 'es').text;
    expect(spanish).toContain('  - No contado de 2026-12-25T00:00:00-08:00 a 2026-12-26T00:00:00-08:00: cerrado por Navidad');
    expect(spanish).toContain('… y 3 líneas más (consulte /api/v1/tickets/7d9f2c1e-4b8a-4f3e-9c21-0a5b6c7d8e9f/targets/first_response/explain)');
    expect(spanish).toContain('Quedan 30 min de horario laboral.');
    expect(renderTemplate('auto_solved', DATA.auto_solved, 'pt-BR').text).toContain('após 1 dia útil sem resposta');
    expect(renderTemplate('auto_solved', DATA.auto_solved, 'ru').text).toContain('ответа не было 1 рабочий день');
    expect(renderTemplate('ticket_created', DATA.ticket_created, 'de').text).toContain('Erste Antwort: fällig am Donnerstag, 24. Dezember 2026 um 11:00');
    expect(renderTemplate('auto_solved', DATA.auto_solved, 'en').text).toContain('after 1 business day without a reply');
  });
});
