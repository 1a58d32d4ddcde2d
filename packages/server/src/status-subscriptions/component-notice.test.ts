import { describe, expect, it } from 'vitest';
import { LOCALES } from '../i18n/index.js';
import { componentNoticeEmail, componentNoticePayload, type ComponentNoticeFacts } from './component-notice.js';

const at = new Date('2026-11-20T16:00:00Z');
const facts = (locale: string): ComponentNoticeFacts => ({
  notice: { id: 'n1', created_at: at },
  subscriber: {
    id: 's1', provider_id: 'p1', kind: 'email', email: 'ada@example.test', url: null, secret: null, component_ids: null, locale: locale as never,
    user_id: null, confirmed_at: at, confirm_by: null, created_at: at, updated_at: at, unsubscribed_at: null,
  },
  provider: { id: 'p1', name: 'Acme <Status>' },
  change: { id: 'cu1', old_status: 'operational', new_status: 'major_outage', at },
  component: { id: 'c1', key: 'voice', name: 'Voice <API>', description: null, group_id: null, position: 0, showcase: true, created_at: at, updated_at: at },
  page: { indicator: 'critical' },
});
const links = { status: 'https://desk.example.test/status', unsubscribe: 'https://desk.example.test/status/subscriptions/unsubscribe?token=t&x=1', documentation: 'https://desk.example.test/status/subscribe#webhooks' };

describe('the notice of a component status set by hand', () => {
  it.each(LOCALES)('is written in %s, naming the component, its new and old status, escaping the HTML', (locale) => {
    const mail = componentNoticeEmail(facts(locale), links);
    expect(mail.subject).toMatch(/^\[Acme <Status>\] .*Voice <API>/);
    expect(mail.subject).not.toMatch(/\{|\}/);
    expect(mail.text).toContain('Voice <API>');
    expect(mail.text).toContain(links.unsubscribe);
    expect(mail.text).toContain(links.status);
    expect(mail.html).toContain('Voice &lt;API&gt;');
    expect(mail.html).not.toContain('<API>');
    expect(mail.text).not.toMatch(/\{|\}/);
  });

  it('has Statuspage’s component_update fields', () => {
    const body = componentNoticePayload(facts('en'), links, at.getTime());
    expect(body).toEqual({
      meta: { unsubscribe: links.unsubscribe, documentation: links.documentation, generated_at: at.toISOString() },
      page: { id: 'p1', status_indicator: 'critical', status_description: 'Major System Outage' },
      component_update: { id: 'cu1', component_id: 'c1', component_type: 'Component', old_status: 'operational', new_status: 'major_outage', created_at: at.toISOString() },
      component: { id: 'c1', page_id: 'p1', group_id: null, name: 'Voice <API>', description: null, status: 'major_outage', position: 0, showcase: true, created_at: at.toISOString(), updated_at: at.toISOString() },
    });
  });
});
