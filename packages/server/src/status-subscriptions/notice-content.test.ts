import { describe, expect, it } from 'vitest';
import { LOCALES } from '../i18n/index.js';
import { confirmationEmail, noticeEmail, noticePayload } from './notice-content.js';
import type { NoticeFacts } from './notice-data.js';
import { pageIndicator } from './notice-data.js';
import { subscribePage, unsubscribePage } from './pages.js';

const HOSTILE = `Calls <script>alert("x")</script> & 'more'`;
const at = new Date('2026-11-20T16:00:00Z');

const facts = (locale: string): NoticeFacts => ({
  notice: { id: 'n1', created_at: at },
  subscriber: {
    id: 's1', provider_id: 'p1', kind: 'email', email: 'ada@example.test', url: null, secret: null, component_ids: null, locale: locale as never,
    user_id: null, confirmed_at: at, confirm_by: null, created_at: at, updated_at: at, unsubscribed_at: null,
  },
  provider: { id: 'p1', name: 'Acme <Status>' },
  incident: {
    id: 'i1', kind: 'incident', name: HOSTILE, status: 'identified', impact: 'major', created_at: at, updated_at: at, started_at: at,
    monitoring_at: null, resolved_at: null, scheduled_for: null, scheduled_until: null,
  },
  update: { id: 'u1', status: 'identified', body: 'Line one.\n\n<b>not bold</b>', display_at: at, created_at: at, updated_at: at, affected_components: [{ code: 'voice', name: 'Voice <API>', old_status: 'operational', new_status: 'major_outage' }] },
  components: [{ id: 'c1', key: 'voice', name: 'Voice <API>', status: 'major_outage' }],
  page: { indicator: 'critical' },
});
const links = { incident: 'https://desk.example.test/status/incidents/i1', unsubscribe: 'https://desk.example.test/status/subscriptions/unsubscribe?token=t&x=1', documentation: 'https://desk.example.test/status/subscribe#webhooks' };

describe('what subscribers receive', () => {
  it.each(LOCALES)('writes the notice in %s, escaping every value in the HTML', (locale) => {
    const mail = noticeEmail(facts(locale), links);
    expect(mail.subject).toContain(HOSTILE);
    expect(mail.text).toContain(HOSTILE);
    expect(mail.text).toContain('<b>not bold</b>');
    expect(mail.text).toContain(links.unsubscribe);
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain('<b>not bold');
    expect(mail.html).toContain('&lt;script&gt;');
    expect(mail.html).toContain(`<html lang="${locale}">`);
    expect(mail.html).toContain('href="https://desk.example.test/status/subscriptions/unsubscribe?token=t&amp;x=1"');
    expect(mail.text).toContain('Voice <API>');
  });

  it('names the statuses in the reader’s words', () => {
    expect(noticeEmail(facts('en'), links).text).toContain('Voice <API>: Major outage');
    expect(noticeEmail(facts('ru'), links).text).toContain('Voice <API> — Серьёзный сбой');
    expect(noticeEmail(facts('pt-BR'), links).subject).toBe(`[Acme <Status>] ${HOSTILE} – Causa identificada`);
  });

  it('gives maintenance its planned window', () => {
    const planned = facts('es');
    planned.incident = { ...planned.incident, kind: 'maintenance', status: 'scheduled', scheduled_for: new Date('2026-11-28T02:00:00Z'), scheduled_until: new Date('2026-11-28T04:00:00Z') };
    planned.update = { ...planned.update, status: 'scheduled' };
    const mail = noticeEmail(planned, links);
    expect(mail.text).toContain(`Mantenimiento: ${HOSTILE}`);
    expect(mail.text).toContain('Estado: Programado');
    expect(mail.text).toContain('Prevista del 28 de noviembre de 2026 a las 2:00 al 28 de noviembre de 2026 a las 4:00 (UTC).');
    expect(noticeEmail(facts('es'), links).text).not.toContain('Prevista');
  });

  it('dates the confirmation link’s end in the reader’s language, in UTC', () => {
    const mail = confirmationEmail({ provider: 'Acme', locale: 'de', confirmUrl: 'https://desk.example.test/c?token=a', confirmBy: new Date('2026-11-22T16:00:00Z') });
    expect(mail.text).toContain('22. November 2026 um 16:00 (UTC)');
    expect(mail.text).toContain('https://desk.example.test/c?token=a');
  });

  it('shapes the webhook as Statuspage does', () => {
    const body = noticePayload(facts('en'), links, at.getTime()) as { meta: object; page: object; incident: Record<string, unknown> };
    expect(body.meta).toEqual({ unsubscribe: links.unsubscribe, documentation: links.documentation, generated_at: '2026-11-20T16:00:00.000Z' });
    expect(body.page).toEqual({ id: 'p1', status_indicator: 'critical', status_description: 'Major System Outage' });
    expect(body.incident).toMatchObject({ id: 'i1', name: HOSTILE, status: 'identified', impact: 'major', shortlink: links.incident, page_id: 'p1' });
    expect(body.incident.incident_updates).toEqual([
      expect.objectContaining({ id: 'u1', incident_id: 'i1', status: 'identified', affected_components: [{ code: 'voice', name: 'Voice <API>', old_status: 'operational', new_status: 'major_outage' }] }),
    ]);
  });

  it('derives the page’s indicator from unresolved incidents and components', () => {
    expect(pageIndicator([], [])).toBe('none');
    expect(pageIndicator(['degraded_performance'], ['none'])).toBe('minor');
    expect(pageIndicator(['operational'], ['critical'])).toBe('critical');
    expect(pageIndicator(['under_maintenance'], [])).toBe('maintenance');
    expect(pageIndicator(['under_maintenance', 'partial_outage'], [])).toBe('major');
  });
});

describe('the public pages', () => {
  it('escape the provider, the components and what was typed', () => {
    const html = subscribePage({ locale: 'en', provider: HOSTILE }, [{ id: 'c"1', name: '<i>Voice</i>', group: null }], { email: '"><script>', problems: [] });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<i>Voice');
    expect(html).toContain('value="&quot;&gt;&lt;script&gt;"');
    expect(html).toContain('id="component-c&quot;1"');
  });

  it('ask for one click on a button, carrying RFC 8058’s field, instead of acting on a GET', () => {
    const html = unsubscribePage({ locale: 'es', provider: 'Acme' }, 'ada@example.test', '/status/subscriptions/unsubscribe?token=t&locale=es');
    expect(html).toContain('<form method="post" action="/status/subscriptions/unsubscribe?token=t&amp;locale=es">');
    expect(html).toContain('<input type="hidden" name="List-Unsubscribe" value="One-Click">');
    expect(html).toContain('<button type="submit">Cancelar la suscripción</button>');
    expect(html).toContain('<html lang="es">');
  });
});
