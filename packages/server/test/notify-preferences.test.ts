import { describe, expect, it } from 'vitest';
import { checkPreferences, effectivePreferences, NOTIFY_EVENTS, shouldNotify, type NotifyEvent, type NotifyRole } from '../src/notify/index.js';

const receives = (role: NotifyRole, preferences: Parameters<typeof shouldNotify>[0] = null) => NOTIFY_EVENTS.filter((event) => shouldNotify(preferences, role, event));

describe('who is told about what', () => {
  it('follows each role’s defaults when nothing was chosen', () => {
    expect(receives('customer')).toEqual(['ticket_created', 'public_reply', 'pending_reminder', 'auto_solved']);
    expect(receives('agent')).toEqual(['assigned', 'breach_warning', 'breached', 'escalated', 'escalation_warning', 'escalation_breached']);
    expect(receives('manager')).toEqual(['breached', 'escalated', 'escalation_breached']);
    expect(receives('admin')).toEqual([]);
  });

  it('lets a person mute a default and opt into another event', () => {
    expect(receives('customer', { public_reply: false })).toEqual(['ticket_created', 'pending_reminder', 'auto_solved']);
    expect(receives('manager', { breach_warning: true, escalated: false })).toEqual(['breach_warning', 'breached', 'escalation_breached']);
    expect(receives('agent', { ticket_created: true })).toContain('ticket_created');
  });

  it('never sends internal SLA alerts to a customer, whatever is stored', () => {
    expect(shouldNotify({ breached: true, breach_warning: true, assigned: true, escalated: true }, 'customer', 'breached')).toBe(false);
    expect(receives('customer', { breached: true, escalated: true })).toEqual(['ticket_created', 'public_reply', 'pending_reminder', 'auto_solved']);
  });

  it('refuses an unknown role or event instead of guessing', () => {
    expect(() => shouldNotify(null, 'visitor' as NotifyRole, 'breached')).toThrow(/Unknown role "visitor"; one of customer, agent, manager, admin/);
    expect(() => shouldNotify(null, 'agent', 'lunch' as NotifyEvent)).toThrow(/Unknown event "lunch"/);
  });

  it('shows every event with its effective setting', () => {
    expect(effectivePreferences({ breach_warning: true }, 'manager')).toEqual({
      ticket_created: false,
      public_reply: false,
      pending_reminder: false,
      auto_solved: false,
      assigned: false,
      breach_warning: true,
      breached: true,
      escalated: true,
      escalation_warning: false,
      escalation_breached: true,
    });
  });

  it('validates a settings update and reports every problem at once', () => {
    expect(checkPreferences('agent', { breached: false, escalated: true })).toEqual({ ok: true, preferences: { breached: false, escalated: true } });
    expect(checkPreferences('customer', { breached: false })).toEqual({ ok: true, preferences: { breached: false } });
    const result = checkPreferences('customer', { breached: true, public_reply: 'yes', lunch: true });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map(({ path, message }) => ({ path, message }))).toEqual([
      { path: 'breached', message: 'A customer cannot receive breached; choose from ticket_created, public_reply, pending_reminder, auto_solved.' },
      { path: 'public_reply', message: 'Must be true (receive) or false (mute).' },
      { path: 'lunch', message: 'Unknown event; choose from ticket_created, public_reply, pending_reminder, auto_solved.' },
    ]);
    expect(checkPreferences('agent', ['breached'])).toMatchObject({ ok: false, problems: [{ path: '' }] });
  });
});
