/**
 * Availability as the routes answer it: per component and month for staff, and an account's
 * attainment (threshold, shortfall, credit, claim) for staff or the account's own customers.
 */
import type { Kysely } from 'kysely';
import { type Actor, requireRole } from '../auth/actor.js';
import type { Account, Database } from '../db/schema.js';
import type { AppDeps } from '../http/deps.js';
import { invalid } from '../http/invalid.js';
import { getVisibleAccount } from '../accounts/service.js';
import { type AttainmentMonth, attainment, type MeasureJson, measureJson } from './attainment.js';
import { DEFAULT_PARTIAL_SHARE, measureMonth } from './measure.js';
import { addMonths, compareMonths, monthAt, monthBounds, monthKey, monthsFrom, parseMonth, type Month } from './month.js';
import { componentsOf, componentsOfAccount, creditRequestsOf, feesOf, packagesHeld, spansOf } from './read.js';
import { type AvailabilityTerms, termsOf, versionForMonth } from './terms.js';

type Db = Kysely<Database>;

/** The longest period one request may cover. */
export const MAX_MONTHS = 36;
/** Months shown when no period is asked for: this one and the five before. */
export const DEFAULT_MONTHS = 6;

/** The period a query names (`from`/`to` as YYYY-MM), or the last few months up to now. */
export function periodOf(query: { from?: string | undefined; to?: string | undefined }, now: number): { from: Month; to: Month } {
  const to = query.to === undefined ? monthAt(now) : parseMonth(query.to);
  if (!to) throw invalid('querystring.to', 'Must be a month written as YYYY-MM.');
  const from = query.from === undefined ? addMonths(to, -(DEFAULT_MONTHS - 1)) : parseMonth(query.from);
  if (!from) throw invalid('querystring.from', 'Must be a month written as YYYY-MM.');
  if (compareMonths(from, to) > 0) throw invalid('querystring.from', 'Must not be after "to".');
  if (compareMonths(to, from) >= MAX_MONTHS) throw invalid('querystring.from', `A period covers at most ${MAX_MONTHS} months.`);
  return { from, to };
}

/** The pack's availability terms for a month, for an account on that pack. */
export function termsForAccount(deps: AppDeps, account: Pick<Account, 'pack_id'>): (month: Month) => AvailabilityTerms | null {
  if (!deps.registry.has(account.pack_id)) return () => null;
  const pack = deps.registry.pack(account.pack_id);
  return (month) => {
    const version = versionForMonth(pack, month);
    return version ? termsOf(version) : null;
  };
}

/**
 * The share of partial outage staff figures use for a provider in a month: the one its accounts'
 * packs agree on, else the default (0.3).
 */
async function providerShare(deps: AppDeps, providerId: string): Promise<(month: Month) => number> {
  const packs = await deps.db.selectFrom('accounts').select('pack_id').distinct().where('provider_id', '=', providerId).execute();
  const termsFns = packs.map((p) => termsForAccount(deps, p));
  return (month) => {
    const shares = new Set(termsFns.map((f) => f(month)?.partialShare ?? DEFAULT_PARTIAL_SHARE));
    return shares.size === 1 ? [...shares][0]! : DEFAULT_PARTIAL_SHARE;
  };
}

export interface ProviderAvailability {
  months: { month: string; in_progress: boolean; partial_outage_share: number }[];
  components: { id: string; key: string; name: string; months: (MeasureJson & { month: string })[] }[];
}

/** Staff: every component's availability in each month of the period (months not begun are left out). */
export async function providerAvailability(deps: AppDeps, actor: Actor, period: { from: Month; to: Month }): Promise<ProviderAvailability> {
  requireRole(actor, ['agent', 'manager', 'admin'], 'see the availability of every component');
  const now = deps.clock.now();
  const months = monthsFrom(period.from, period.to).filter((m) => monthBounds(m).start < now);
  const components = await componentsOf(deps.db, actor.providerId);
  const share = await providerShare(deps, actor.providerId);
  const span = months.length === 0 ? null : { from: monthBounds(months[0]!).start, to: monthBounds(months[months.length - 1]!).end };
  const spans = span ? await spansOf(deps.db, components.map((c) => c.id), span.from, span.to) : new Map();
  return {
    months: months.map((m) => ({ month: monthKey(m), in_progress: now < monthBounds(m).end, partial_outage_share: share(m) })),
    components: components.map((c) => ({
      ...c,
      months: months.map((m) => ({ month: monthKey(m), ...measureJson(measureMonth(spans.get(c.id) ?? [], m, now, share(m))!) })),
    })),
  };
}

export interface AccountAvailability {
  account: { id: string; name: string };
  terms: { default_threshold: number; partial_outage_share: number; credit_percent: number | null; claim_window_days: number } | null;
  months: AttainmentMonth[];
}

/** An account's attainment per month and component: staff, or the account's own customers. */
export async function accountAvailability(deps: AppDeps, actor: Actor, accountId: string, period: { from: Month; to: Month }): Promise<AccountAvailability> {
  const account = await getVisibleAccount(deps.db, actor, accountId);
  return accountAttainment(deps, deps.db, account, period);
}

export async function accountAttainment(deps: AppDeps, db: Db, account: Account, period: { from: Month; to: Month }): Promise<AccountAvailability> {
  const now = deps.clock.now();
  const months = monthsFrom(period.from, period.to);
  const components = await componentsOfAccount(db, account.provider_id, account.id);
  const [spans, held, fees, requests] = await Promise.all([
    spansOf(db, components.map((c) => c.id), monthBounds(period.from).start, monthBounds(period.to).end),
    packagesHeld(db, account.id),
    feesOf(db, account.id, period.from, period.to),
    creditRequestsOf(db, account.id, period.from, period.to),
  ]);
  const termsFor = termsForAccount(deps, account);
  const latest = termsFor(monthAt(now)) ?? termsFor(period.to);
  return {
    account: { id: account.id, name: account.name },
    terms: latest && {
      default_threshold: latest.defaultThreshold,
      partial_outage_share: latest.partialShare,
      credit_percent: latest.creditPercent,
      claim_window_days: latest.claimWindowDays,
    },
    months: attainment({ months, components, spans, termsFor, held, fees, requests, now }),
  };
}
