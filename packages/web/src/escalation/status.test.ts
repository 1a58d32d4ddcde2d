import { describe, expect, it } from 'vitest';
import type { Account, Escalation, PolicyVersionInfo, Ticket } from '../api/types.js';
import { testIntl } from '../i18n/build/testing.js';
import { escalationOffer, escalationStatus, escalationTargets, isEscalated } from './status.js';

const NOW = Date.parse('2026-11-26T00:30:00Z');
const escalation = (over: Partial<Escalation> = {}): Escalation => ({
  id: 'e1',
  ticket_id: 't1',
  via: 'support',
  reason: 'critical_blocker',
  reason_label: 'A critical blocker',
  note: null,
  raised_by: null,
  raised_at: '2026-11-26T00:30:00.000Z',
  state: 'active',
  calendar_id: '24x7',
  duration: '1h',
  due_at: '2026-11-26T01:30:00.000Z',
  responded_at: null,
  time_left_ms: 3_600_000,
  overdue_ms: null,
  ...over,
});
const version = {
  id: '2025-04',
  plans: [
    { id: 'bootstrap', name: 'Bootstrap', aliases: [], calendar: 'bh', includes: [] },
    { id: 'personalized', name: 'Personalized', aliases: [], calendar: 'bh', includes: ['escalation'] },
  ],
  escalation: { plans: ['personalized'], reasons: [{ id: 'critical_blocker', label: 'A critical blocker' }], response_target: { duration: '1h', calendar: '24x7' } },
  partner_tiers: [{ id: 'gold', name: 'Gold', growth_manager: true, growth_manager_requires_ticket: true }],
} as unknown as PolicyVersionInfo;
const ticket = (over: Partial<Ticket> = {}) => ({ status: 'open', plan: 'personalized', escalations: [], ...over }) as unknown as Ticket;
const account = (over: Partial<Account> = {}) => ({ partner_tier: null, growth_manager_id: null, ...over }) as unknown as Account;

describe('escalation status', () => {
  it('counts down to the due time, then says how late it is or was', () => {
    expect(escalationStatus(escalation(), NOW)).toEqual({ tone: 'warning', text: 'awaiting a response, due in 1h' });
    expect(escalationStatus(escalation(), NOW + 3_660_000)).toEqual({ tone: 'breached', text: 'overdue by 1m' });
    expect(escalationStatus(escalation({ state: 'met', responded_at: '2026-11-26T01:00:00.000Z' }), NOW)).toEqual({ tone: 'met', text: 'answered in time' });
    expect(escalationStatus(escalation({ state: 'breached', responded_at: '2026-11-26T02:00:00.000Z' }), NOW).text).toBe('answered late, 30m after the due time');
    expect(escalationStatus(escalation({ state: 'none', due_at: null }), NOW).text).toBe('awaiting a response (no response target)');
  });

  it('marks a ticket escalated while an escalation waits for its response', () => {
    expect(isEscalated({ escalations: [escalation()] })).toBe(true);
    expect(isEscalated({ escalations: [escalation({ responded_at: '2026-11-26T01:00:00.000Z' })] })).toBe(false);
    expect(isEscalated({})).toBe(false);
  });

  it('counts a waiting escalation\'s due time as a running target, and only while it waits', () => {
    expect(escalationTargets({ escalations: [escalation()] })).toEqual([
      expect.objectContaining({ metric: 'escalation_response', state: 'active', due_at: '2026-11-26T01:30:00.000Z', met_at: null }),
    ]);
    expect(escalationTargets({ escalations: [escalation({ state: 'breached' })] })[0]?.state).toBe('breached');
    expect(escalationTargets({ escalations: [escalation({ responded_at: '2026-11-26T01:00:00.000Z', state: 'met' })] })).toEqual([]);
    expect(escalationTargets({ escalations: [escalation({ due_at: null, state: 'none' })] })).toEqual([]);
  });
});

describe('what a ticket offers', () => {
  it('offers the policy reasons on a plan that includes escalation', () => {
    const offer = escalationOffer(ticket(), version, account());
    expect(offer.support?.reasons.map((r) => r.id)).toEqual(['critical_blocker']);
    expect(offer.growthManager).toBeNull();
    expect(offer.unavailable).toBeNull();
  });

  it('says why not on other plans, solved tickets and tickets already escalated', () => {
    expect(escalationOffer(ticket({ plan: 'bootstrap' }), version, account()).unavailable).toBe(
      'Your Bootstrap plan does not include escalation. Escalation is part of the Personalized plan.',
    );
    expect(escalationOffer(ticket({ status: 'solved' }), version, account()).unavailable).toMatch(/only unsolved tickets/);
    expect(escalationOffer(ticket({ escalations: [escalation()] }), version, account()).unavailable).toMatch(/waiting for the response/);
    expect(escalationOffer(ticket({ plan: 'bootstrap' }), version, account({ partner_tier: 'gold' })).unavailable).toMatch(/none is assigned/);
  });

  it('offers the growth manager to partner tiers that have one assigned', () => {
    const offer = escalationOffer(ticket({ plan: 'bootstrap' }), version, account({ partner_tier: 'gold', growth_manager_id: 'u1' }));
    expect(offer).toEqual({ support: null, growthManager: { tier: 'Gold' }, unavailable: null });
  });
});

describe('in the reader\'s language', () => {
  const two = { ...version, escalation: { ...version.escalation!, plans: ['personalized', 'premium'] }, plans: [...version.plans, { id: 'premium', name: 'Premium', aliases: [], calendar: 'bh', includes: ['escalation'] }] } as unknown as PolicyVersionInfo;

  it('says why not in German and Russian, with the plans listed as the language lists them', () => {
    expect(escalationOffer(ticket({ plan: 'bootstrap' }), two, account(), testIntl('de')).unavailable).toBe(
      'Ihr Tarif Bootstrap umfasst keine Eskalation. Eskalation ist in den Tarifen Personalized und Premium enthalten.',
    );
    expect(escalationOffer(ticket({ plan: 'bootstrap' }), version, account(), testIntl('ru')).unavailable).toBe('Ваш тариф Bootstrap не включает эскалацию. Эскалация входит в тариф Personalized.');
    expect(escalationOffer(ticket({ status: 'closed' }), version, account(), testIntl('pt-BR')).unavailable).toBe('O ticket está fechado; só tickets não resolvidos podem ser escalados.');
  });

  it('counts down in Spanish', () => {
    expect(escalationStatus(escalation(), NOW + 3_660_000, testIntl('es')).text).toMatch(/^vencida hace 1\s?min$/);
    expect(escalationStatus(escalation({ state: 'none', due_at: null }), NOW, testIntl('es')).text).toBe('en espera de respuesta (sin plazo de respuesta)');
  });
});
