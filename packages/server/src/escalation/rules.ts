import type { EscalationData, PartnerTierData } from '@hourglass/policy';
import type { LocalizedText } from '../errors.js';
import { DEFAULT_LOCALE, translator } from '../i18n/index.js';
import type { PartnerTier, TicketStatus } from '../db/schema.js';

export type EscalationRoute = 'support' | 'growth_manager';
export type Notified = 'assignee_manager' | 'support_management' | 'account_managers' | 'growth_manager';

/** What a ticket's escalation is checked against: the ticket's pinned policy version and its account. */
export interface EscalationContext {
  status: TicketStatus;
  plan: string;
  escalation: EscalationData | null;
  partnerTiers: readonly PartnerTierData[];
  partnerTier: PartnerTier | null;
  growthManagerId: string | null;
  /** An earlier escalation of the ticket still waiting for its response. */
  openEscalation: boolean;
}

export interface EscalationRequest {
  reason: string;
  via: EscalationRoute;
}

export type EscalationPlan = {
  ok: true;
  via: EscalationRoute;
  reason: string;
  reasonLabel: string;
  /** The response target (`1h` on `24x7`, say), or null when the policy sets none. */
  target: { duration: string; calendar: string } | null;
  notify: Notified[];
};

/** A refusal: `message` in English; `text`, where there is one, the catalog entry that says it in the reader's language. */
export type EscalationRefusal = { ok: false; status: 'forbidden' | 'conflict' | 'invalid'; path: string; message: string; text?: LocalizedText };

/** A refusal worded by a catalog entry (its English text is the message). */
function refusal(status: EscalationRefusal['status'], path: string, text: LocalizedText): EscalationRefusal {
  return { ok: false, status, path, message: translator(DEFAULT_LOCALE).t(text.id, text.values), text };
}

const DEFAULT_NOTIFY: Notified[] = ['assignee_manager', 'support_management'];

/**
 * Decides whether a ticket may be escalated and how: only unsolved tickets, once at a time; through
 * support for plans whose policy includes escalation (with one of the policy's reasons), or through
 * the growth manager for accounts with a partner tier that has one.
 */
export function planEscalation(ctx: EscalationContext, request: EscalationRequest): EscalationPlan | EscalationRefusal {
  if (ctx.status === 'solved' || ctx.status === 'closed') {
    return refusal('conflict', 'params.id', { id: 'error.escalation.notUnsolved', values: { status: ctx.status } });
  }
  if (ctx.openEscalation) {
    return { ok: false, status: 'conflict', path: 'params.id', message: 'The ticket is already escalated and the escalation is waiting for its response; support management has been alerted.' };
  }
  return request.via === 'growth_manager' ? viaGrowthManager(ctx, request) : viaSupport(ctx, request);
}

function viaSupport(ctx: EscalationContext, request: EscalationRequest): EscalationPlan | EscalationRefusal {
  const policy = ctx.escalation;
  if (policy === null || !policy.plans.includes(ctx.plan)) {
    const plans = policy?.plans ?? [];
    return refusal('forbidden', 'body', {
      id: 'error.escalation.planExcludes',
      values: { plan: ctx.plan, plans: plans.join(', '), planCount: plans.length, hasPlans: plans.length > 0 ? 'yes' : 'no', partner: ctx.partnerTier !== null ? 'yes' : 'no' },
    });
  }
  const reason = policy.reasons.find((r) => r.id === request.reason);
  if (!reason) {
    return refusal('invalid', 'body.reason', { id: 'error.escalation.chooseReason', values: { reasons: policy.reasons.map((r) => `"${r.id}" (${r.label})`).join(', ') } });
  }
  const target = policy.response_target && policy.response_target.duration !== 'none' ? { duration: policy.response_target.duration, calendar: policy.response_target.calendar } : null;
  return { ok: true, via: 'support', reason: reason.id, reasonLabel: reason.label, target, notify: [...(policy.notify ?? DEFAULT_NOTIFY)] };
}

function viaGrowthManager(ctx: EscalationContext, request: EscalationRequest): EscalationPlan | EscalationRefusal {
  if (ctx.partnerTier === null) {
    return { ok: false, status: 'forbidden', path: 'body.via', message: 'Only partner accounts (Silver, Gold or Platinum) have a growth manager; leave "via" out to escalate through support if your plan includes it.' };
  }
  const tier = ctx.partnerTiers.find((t) => t.id === ctx.partnerTier);
  if (!tier?.growth_manager) {
    return refusal('forbidden', 'body.via', { id: 'error.escalation.tierNoGrowthManager', values: { tier: tier?.name ?? ctx.partnerTier } });
  }
  if (ctx.growthManagerId === null) {
    return { ok: false, status: 'conflict', path: 'body.via', message: 'No growth manager is assigned to your account yet; ask support management to assign one, or escalate through support.' };
  }
  const text = request.reason.trim();
  const known = ctx.escalation?.reasons.find((r) => r.id === text);
  if (text.length < 3) return { ok: false, status: 'invalid', path: 'body.reason', message: 'Say in a few words why the ticket needs your growth manager.' };
  return { ok: true, via: 'growth_manager', reason: text, reasonLabel: known?.label ?? text, target: null, notify: ['growth_manager', 'support_management'] };
}
