/** Where an escalation stands and what a ticket offers, in the language shown: no rendering, no requests. */
import type { IntlShape } from 'react-intl';
import type { Account, Escalation, PolicyVersionInfo, Target, Ticket } from '../api/types.js';
import { activeIntl } from '../i18n/active.js';
import { formatSpan, type Tone } from '../time/format.js';

export interface EscalationStatus {
  tone: Tone;
  /** `awaiting a response, due in 42m 10s`, `answered in time`, `overdue by 5m 00s`. */
  text: string;
}

/** An escalation's response target at `now`; the countdown runs on the wall clock towards its due time. */
export function escalationStatus(escalation: Escalation, now: number, intl: IntlShape = activeIntl()): EscalationStatus {
  const span = (ms: number) => formatSpan(ms, 'narrow', { intl });
  const due = escalation.due_at === null ? null : Date.parse(escalation.due_at);
  const answered = escalation.responded_at === null ? null : Date.parse(escalation.responded_at);
  if (due === null) {
    return answered === null
      ? { tone: 'none', text: intl.formatMessage({ id: 'escalation.status.awaitingWithoutTarget' }) }
      : { tone: 'met', text: intl.formatMessage({ id: 'escalation.status.answered' }) };
  }
  if (answered !== null) {
    return answered > due
      ? { tone: 'breached', text: intl.formatMessage({ id: 'escalation.status.answeredLate' }, { span: span(answered - due) }) }
      : { tone: 'met', text: intl.formatMessage({ id: 'escalation.status.answeredInTime' }) };
  }
  if (escalation.state === 'breached' || due <= now) return { tone: 'breached', text: intl.formatMessage({ id: 'escalation.status.overdueBy' }, { span: span(now - due) }) };
  return { tone: 'warning', text: intl.formatMessage({ id: 'escalation.status.awaiting' }, { span: span(due - now) }) };
}

/** An escalation still waiting for its response: the ticket cannot be escalated again until it is answered. */
export function isAwaitingResponse(escalation: Escalation): boolean {
  return escalation.responded_at === null;
}

export function isEscalated(ticket: Pick<Ticket, 'escalations'>): boolean {
  return (ticket.escalations ?? []).some(isAwaitingResponse);
}

/**
 * The response targets of escalations still waiting for a response, shaped like the ticket's own
 * targets, so that a queue counts them in the ticket's time to breach as the service orders it.
 */
export function escalationTargets(ticket: Pick<Ticket, 'escalations'>): Target[] {
  return (ticket.escalations ?? [])
    .filter((e) => isAwaitingResponse(e) && e.due_at !== null)
    .map((e) => ({
      metric: 'escalation_response',
      state: e.state === 'breached' ? 'breached' : 'active',
      none_reason: null,
      calendar_id: e.calendar_id,
      duration: e.duration,
      duration_ms: null,
      started_at: e.raised_at,
      due_at: e.due_at,
      met_at: null,
      breached_at: null,
      warning_at: null,
      at_risk: false,
      time_left_ms: null,
      time_left: null,
      overdue_ms: null,
      overdue_by: null,
      paused_ms: 0,
      explain_url: null,
    }));
}

/** What the customer may do on a ticket: escalate through support (with the policy's reasons), through a growth manager, or why not. */
export interface EscalationOffer {
  support: { reasons: { id: string; label: string }[]; target: { duration: string; calendar: string } | null } | null;
  growthManager: { tier: string } | null;
  /** Why no escalation is offered, in the language shown; null when one is. */
  unavailable: string | null;
}

const UNSOLVED = new Set(['new', 'open', 'pending', 'on_hold']);

export function escalationOffer(ticket: Ticket, version: PolicyVersionInfo | undefined, account: Account | null, intl: IntlShape = activeIntl()): EscalationOffer {
  const policy = version?.escalation ?? null;
  const support = policy !== null && policy.plans.includes(ticket.plan) ? { reasons: policy.reasons, target: policy.response_target } : null;
  const tier = account?.partner_tier ? version?.partner_tiers?.find((t) => t.id === account.partner_tier) : undefined;
  const growthManager = tier?.growth_manager && account?.growth_manager_id ? { tier: tier.name } : null;
  const none = { support: null, growthManager: null };
  if (!UNSOLVED.has(ticket.status)) return { ...none, unavailable: intl.formatMessage({ id: 'escalation.offer.notUnsolved' }, { status: ticket.status }) };
  if ((ticket.escalations ?? []).some(isAwaitingResponse)) return { ...none, unavailable: intl.formatMessage({ id: 'escalation.offer.awaitingResponse' }) };
  if (support === null && growthManager === null) return { ...none, unavailable: notIncluded(ticket, version, tier?.growth_manager === true, intl) };
  return { support, growthManager, unavailable: null };
}

function notIncluded(ticket: Ticket, version: PolicyVersionInfo | undefined, tierHasManager: boolean, intl: IntlShape): string {
  const planName = (id: string) => version?.plans.find((p) => p.id === id)?.name ?? id;
  const plans = version?.escalation?.plans ?? [];
  return intl.formatMessage(
    { id: 'escalation.offer.notIncluded' },
    {
      plan: planName(ticket.plan),
      plans: intl.formatList(plans.map(planName), { type: 'conjunction' }),
      planCount: plans.length,
      manager: tierHasManager ? 'unassigned' : 'none',
    },
  );
}
