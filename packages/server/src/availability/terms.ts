/**
 * What a pack promises an account for a component in a month: the threshold (the pack's default,
 * or a package's on its component when the account held the package on any day of that month),
 * the credit owed below it, and until when it may be claimed.
 */
import type { CatalogPack, CatalogPackVersion } from '../policy/catalog.js';
import { DEFAULT_PARTIAL_SHARE } from './measure.js';
import { DAY_MS, lastDayOf, monthBounds, monthDate, type Month } from './month.js';

export interface AvailabilityTerms {
  defaultThreshold: number;
  partialShare: number;
  /** Percent of the month's fee; null: the pack promises no credit. */
  creditPercent: number | null;
  claimWindowDays: number;
  packages: readonly { id: string; name: string; component: string; threshold: number }[];
}

export const DEFAULT_CLAIM_WINDOW_DAYS = 30;

export function termsOf(version: CatalogPackVersion): AvailabilityTerms | null {
  const a = version.availability;
  if (!a) return null;
  return {
    defaultThreshold: a.default_threshold,
    partialShare: a.partial_outage_share ?? DEFAULT_PARTIAL_SHARE,
    creditPercent: a.credit_percent ?? null,
    claimWindowDays: a.claim_window_days ?? DEFAULT_CLAIM_WINDOW_DAYS,
    packages: a.packages ?? [],
  };
}

/**
 * The pack version whose terms govern a month: the one in force on the month's last instant, so
 * terms binding from the first of a month (Twilio's 2025-04, from 1 April 07:00 UTC) govern that
 * whole month. Null when no version is in force by then.
 */
export function versionForMonth(pack: CatalogPack, month: Month): CatalogPackVersion | null {
  const at = monthBounds(month).end - 1;
  return pack.versions[0]!.effectiveFrom > at ? null : pack.versionAt(at);
}

export interface HeldPackage {
  package_id: string;
  /** `YYYY-MM-DD`. */
  starts_on: string;
  /** `YYYY-MM-DD`, the last day held; null: still held. */
  ends_on: string | null;
}

/** True when the package was held on at least one day of the month. */
export function heldDuring(held: HeldPackage, month: Month): boolean {
  return held.starts_on <= lastDayOf(month) && (held.ends_on === null || held.ends_on >= monthDate(month));
}

export interface Threshold {
  /** Percent. */
  threshold: number;
  /** The package that set it, when one did. */
  package: { id: string; name: string } | null;
}

/** The threshold on a component (by key) for an account in a month. The highest package threshold wins. */
export function thresholdFor(terms: AvailabilityTerms, componentKey: string, held: readonly HeldPackage[], month: Month): Threshold {
  let best: Threshold = { threshold: terms.defaultThreshold, package: null };
  for (const pkg of terms.packages) {
    if (pkg.component !== componentKey) continue;
    if (!held.some((h) => h.package_id === pkg.id && heldDuring(h, month))) continue;
    if (best.package === null || pkg.threshold > best.threshold) best = { threshold: pkg.threshold, package: { id: pkg.id, name: pkg.name } };
  }
  return best;
}

/**
 * `percent` % of a decimal amount (`'1234.50'`), rounded half up to the cent, as decimal text. Exact:
 * integers throughout.
 */
export function percentOf(amount: string, percent: number): string {
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(amount);
  if (!match) throw new Error(`not an amount: ${amount}`);
  const cents = BigInt(match[1]!) * 100n + BigInt((match[2] ?? '').padEnd(2, '0'));
  const percentMillionths = BigInt(Math.round(percent * 1_000_000));
  const divisor = 100n * 1_000_000n;
  const credit = (cents * percentMillionths * 2n + divisor) / (2n * divisor);
  return `${credit / 100n}.${String(credit % 100n).padStart(2, '0')}`;
}

/** The instant the claim window of a month closes: `days` whole days after the month ends. */
export function claimClosesAt(month: Month, days: number): number {
  return monthBounds(month).end + days * DAY_MS;
}

export type ClaimState = 'not_ended' | 'open' | 'closed';

/** Whether a credit for the month may be requested at `now`: not before the month ends, nor after the window. */
export function claimStateAt(month: Month, days: number, now: number): ClaimState {
  if (now < monthBounds(month).end) return 'not_ended';
  return now < claimClosesAt(month, days) ? 'open' : 'closed';
}
