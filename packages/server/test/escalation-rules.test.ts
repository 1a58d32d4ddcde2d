import { describe, expect, it } from 'vitest';
import { planEscalation, type EscalationContext } from '../src/escalation/rules.js';

const policy = {
  plans: ['personalized'],
  reasons: [
    { id: 'no_meaningful_response', label: 'No meaningful response.' },
    { id: 'critical_blocker', label: 'A critical blocker.' },
  ],
  response_target: { duration: '1h', calendar: '24x7' },
  notify: ['assignee_manager' as const, 'support_management' as const],
};
const ctx = (over: Partial<EscalationContext> = {}): EscalationContext => ({
  status: 'open',
  plan: 'personalized',
  escalation: policy,
  partnerTiers: [{ id: 'gold', name: 'Gold', growth_manager: true, growth_manager_requires_ticket: true }, { id: 'silver', name: 'Silver' }],
  partnerTier: null,
  growthManagerId: null,
  openEscalation: false,
  ...over,
});

describe('planning an escalation', () => {
  it('accepts a policy reason on a plan that includes escalation, with its target and whom to alert', () => {
    expect(planEscalation(ctx(), { reason: 'critical_blocker', via: 'support' })).toEqual({
      ok: true,
      via: 'support',
      reason: 'critical_blocker',
      reasonLabel: 'A critical blocker.',
      target: { duration: '1h', calendar: '24x7' },
      notify: ['assignee_manager', 'support_management'],
    });
  });

  it('refuses solved and closed tickets, a second open escalation, other plans and unknown reasons', () => {
    expect(planEscalation(ctx({ status: 'solved' }), { reason: 'critical_blocker', via: 'support' })).toMatchObject({ ok: false, status: 'conflict', path: 'params.id' });
    expect(planEscalation(ctx({ status: 'closed' }), { reason: 'critical_blocker', via: 'support' })).toMatchObject({ ok: false, status: 'conflict' });
    expect(planEscalation(ctx({ openEscalation: true }), { reason: 'critical_blocker', via: 'support' })).toMatchObject({ ok: false, status: 'conflict' });
    expect(planEscalation(ctx({ plan: 'premium' }), { reason: 'critical_blocker', via: 'support' })).toMatchObject({ ok: false, status: 'forbidden', path: 'body' });
    expect(planEscalation(ctx({ escalation: null }), { reason: 'critical_blocker', via: 'support' })).toMatchObject({ ok: false, status: 'forbidden', message: 'The personalized plan does not include escalation.' });
    expect(planEscalation(ctx(), { reason: 'urgent', via: 'support' })).toMatchObject({ ok: false, status: 'invalid', path: 'body.reason' });
  });

  it('routes partner tiers with a growth manager through them, and refuses accounts without one', () => {
    const gold = ctx({ plan: 'premium', escalation: null, partnerTier: 'gold', growthManagerId: 'gm' });
    expect(planEscalation(gold, { reason: 'Launch tomorrow', via: 'growth_manager' })).toMatchObject({ ok: true, via: 'growth_manager', target: null, notify: ['growth_manager', 'support_management'] });
    expect(planEscalation(gold, { reason: 'x', via: 'growth_manager' })).toMatchObject({ ok: false, path: 'body.reason' });
    expect(planEscalation(ctx({ partnerTier: null }), { reason: 'Help', via: 'growth_manager' })).toMatchObject({ ok: false, status: 'forbidden', path: 'body.via' });
    expect(planEscalation(ctx({ partnerTier: 'silver', growthManagerId: 'gm' }), { reason: 'Help', via: 'growth_manager' })).toMatchObject({ ok: false, status: 'forbidden', message: 'The Silver partner tier has no growth manager under this policy.' });
    expect(planEscalation(ctx({ partnerTier: 'gold' }), { reason: 'Help', via: 'growth_manager' })).toMatchObject({ ok: false, status: 'conflict', path: 'body.via' });
  });
});
