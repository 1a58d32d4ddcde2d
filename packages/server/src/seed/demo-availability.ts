/**
 * Demo availability data: the Email Deliverability package for the demo accounts that have the
 * email deliverability flag (held since six months before the demo's month), and each account's
 * fee per status component for the six months before this one and this one, so the attainment
 * pages show thresholds, fees and credits. Runs after the status components are seeded; with none
 * it seeds the packages only.
 */
import { addMonths, monthAt, monthDate, monthsFrom } from '../availability/month.js';
import { DELIVERABILITY_PACKAGE } from '../availability/packages.js';
import type { SeedContext } from './seed.js';

/** A month's fee per component by plan, in the currency of the pack's provider region. */
const FEE_BY_PLAN: Record<string, string> = {
  bootstrap: '250.00',
  premium: '1800.00',
  personalized: '12500.00',
  standard: '400.00',
  enterprise: '90000.00',
  sme: '15000.00',
};
const CURRENCY_BY_PACK: Record<string, string> = { twilio: 'USD', '360dialog': 'EUR', exotel: 'INR' };

export async function seedDemoAvailability(ctx: SeedContext): Promise<void> {
  const { db } = ctx;
  const thisMonth = monthAt(ctx.clock.now());
  const months = monthsFrom(addMonths(thisMonth, -6), thisMonth);
  const accounts = [...ctx.accounts.values()];
  const packages = accounts
    .filter((a) => a.email_deliverability)
    .map((a) => ({ account_id: a.id, package_id: DELIVERABILITY_PACKAGE, starts_on: monthDate(months[0]!), ends_on: null }));
  if (packages.length > 0) await db.insertInto('account_packages').values(packages).execute();

  const components = await db.selectFrom('status_components').select('id').where('provider_id', '=', ctx.providerId).execute();
  if (components.length === 0) return;
  const used = await db.selectFrom('account_components').select(['account_id', 'component_id']).where('account_id', 'in', accounts.map((a) => a.id)).execute();
  const fees = accounts.flatMap((account) => {
    const amount = FEE_BY_PLAN[account.plan];
    if (amount === undefined) return [];
    const own = used.filter((u) => u.account_id === account.id).map((u) => u.component_id);
    const ids = own.length > 0 ? own : components.map((c) => c.id);
    return ids.flatMap((component_id) =>
      months.map((m) => ({ account_id: account.id, component_id, month: monthDate(m), amount, currency: CURRENCY_BY_PACK[account.pack_id] ?? 'USD' })),
    );
  });
  for (let i = 0; i < fees.length; i += 500) await db.insertInto('component_fees').values(fees.slice(i, i + 500)).execute();
}
