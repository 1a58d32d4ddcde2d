/**
 * An account's attainment per component and month, from what was read: the components' spans, the
 * pack's terms for each month, the packages the account held, its fees and its credit requests.
 * Pure: the routes read, this decides.
 */
import type { TimedSpan } from '../incidents/status-timeline.js';
import { DEFAULT_PARTIAL_SHARE, isBelow, measureMonth, type MonthMeasure, toMinutes } from './measure.js';
import { monthKey, type Month } from './month.js';
import { type AvailabilityTerms, claimClosesAt, claimStateAt, type HeldPackage, percentOf, thresholdFor } from './terms.js';

export interface ComponentRef {
  id: string;
  key: string;
  name: string;
}

export interface Fee {
  component_id: string;
  /** `YYYY-MM`. */
  month: string;
  amount: string;
  currency: string;
}

export interface CreditRequestRef {
  id: string;
  component_id: string;
  month: string;
  ticket_id: string | null;
  ticket_number: number | null;
  status: string;
  requested_at: string;
  credit_amount: string | null;
  currency: string | null;
}

export interface MeasureJson {
  minutes: number;
  down_minutes: number;
  major_minutes: number;
  partial_minutes: number;
  /** Percent. */
  availability: number;
  in_progress: boolean;
}

export const measureJson = (m: MonthMeasure): MeasureJson => ({
  minutes: toMinutes(m.measuredMs),
  down_minutes: toMinutes(m.downMs),
  major_minutes: toMinutes(m.majorMs),
  partial_minutes: toMinutes(m.partialMs),
  availability: m.availability,
  in_progress: m.inProgress,
});

export const CLAIM_STATES = ['requested', 'not_ended', 'open', 'closed', 'no_shortfall', 'no_credit'] as const;

/** Whether a credit for the month may be requested now, and until when; the request once made. */
export interface ClaimJson {
  state: (typeof CLAIM_STATES)[number];
  closes_at: string | null;
  request: CreditRequestRef | null;
}

export interface AttainmentCell extends MeasureJson {
  component: ComponentRef;
  threshold: number | null;
  package: { id: string; name: string } | null;
  shortfall: boolean;
  fee: { amount: string; currency: string } | null;
  /** The credit owed: credit percent × the month's fee; null without a shortfall, a fee or a credit in the pack. */
  credit: { percent: number; amount: string | null; currency: string | null } | null;
  claim: ClaimJson;
}

export interface AttainmentMonth {
  month: string;
  in_progress: boolean;
  components: AttainmentCell[];
}

export interface AttainmentInput {
  months: readonly Month[];
  components: readonly ComponentRef[];
  spans: ReadonlyMap<string, readonly TimedSpan[]>;
  /** The pack's terms for a month; null: the pack promises no availability then. */
  termsFor: (month: Month) => AvailabilityTerms | null;
  held: readonly HeldPackage[];
  fees: readonly Fee[];
  requests: readonly CreditRequestRef[];
  now: number;
}

/** One component in one month for the account: measure, threshold, shortfall, credit and claim. */
export function attainmentCell(input: AttainmentInput, component: ComponentRef, month: Month): AttainmentCell | null {
  const terms = input.termsFor(month);
  const measure = measureMonth(input.spans.get(component.id) ?? [], month, input.now, terms?.partialShare ?? DEFAULT_PARTIAL_SHARE);
  if (!measure) return null;
  const key = monthKey(month);
  const threshold = terms ? thresholdFor(terms, component.key, input.held, month) : null;
  const shortfall = threshold !== null && !measure.inProgress && isBelow(measure, threshold.threshold);
  const fee = input.fees.find((f) => f.component_id === component.id && f.month === key) ?? null;
  const credit =
    shortfall && terms?.creditPercent != null
      ? { percent: terms.creditPercent, amount: fee ? percentOf(fee.amount, terms.creditPercent) : null, currency: fee?.currency ?? null }
      : null;
  const request = input.requests.find((r) => r.component_id === component.id && r.month === key);
  const closesAt = terms ? new Date(claimClosesAt(month, terms.claimWindowDays)).toISOString() : null;
  let state: ClaimJson['state'];
  if (request) state = 'requested';
  else if (!terms || measure.inProgress) state = 'not_ended';
  else if (!shortfall) state = 'no_shortfall';
  else if (terms.creditPercent === null) state = 'no_credit';
  else state = claimStateAt(month, terms.claimWindowDays, input.now);
  const claim: ClaimJson = { state, closes_at: closesAt, request: request ?? null };
  return {
    component,
    ...measureJson(measure),
    threshold: threshold?.threshold ?? null,
    package: threshold?.package ?? null,
    shortfall,
    fee: fee && { amount: fee.amount, currency: fee.currency },
    credit,
    claim,
  };
}

export function attainment(input: AttainmentInput): AttainmentMonth[] {
  const out: AttainmentMonth[] = [];
  for (const month of input.months) {
    const cells = input.components.map((c) => attainmentCell(input, c, month)).filter((c): c is AttainmentCell => c !== null);
    if (cells.length === 0) continue;
    out.push({ month: monthKey(month), in_progress: cells[0]!.in_progress, components: cells });
  }
  return out;
}
