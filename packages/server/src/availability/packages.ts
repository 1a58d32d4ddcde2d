/**
 * The availability packages an account holds over time (`availability.packages` of its pack): read
 * by staff, replaced by admins. The accounts' `email_deliverability` flag follows: true while an
 * `email_deliverability` package is held today.
 */
import { type Actor, requireRole } from '../auth/actor.js';
import type { Account } from '../db/schema.js';
import { getVisibleAccount } from '../accounts/service.js';
import { AppError } from '../errors.js';
import type { AppDeps } from '../http/deps.js';
import { invalid } from '../http/invalid.js';
import { packagesHeld } from './read.js';

export { DELIVERABILITY_PACKAGE_ID as DELIVERABILITY_PACKAGE } from '../accounts/deliverability-package.js';
import { DELIVERABILITY_PACKAGE_ID as DELIVERABILITY_PACKAGE } from '../accounts/deliverability-package.js';

export interface PackageOffer {
  id: string;
  name: string;
  component: string;
  threshold: number;
}

export interface AccountPackageJson {
  id: string;
  package_id: string;
  name: string | null;
  component: string | null;
  threshold: number | null;
  starts_on: string;
  ends_on: string | null;
}

/** Every package any version of the account's pack offers, the newest version's wording first. */
export function packagesOffered(deps: AppDeps, account: Pick<Account, 'pack_id'>): PackageOffer[] {
  if (!deps.registry.has(account.pack_id)) return [];
  const byId = new Map<string, PackageOffer>();
  for (const version of [...deps.registry.pack(account.pack_id).versions].reverse()) {
    for (const p of version.availability?.packages ?? []) if (!byId.has(p.id)) byId.set(p.id, { ...p });
  }
  return [...byId.values()];
}

export async function listAccountPackages(deps: AppDeps, actor: Actor, accountId: string): Promise<{ items: AccountPackageJson[]; offered: PackageOffer[] }> {
  requireRole(actor, ['agent', 'manager', 'admin'], "see an account's packages");
  const account = await getVisibleAccount(deps.db, actor, accountId);
  const offered = packagesOffered(deps, account);
  const held = await packagesHeld(deps.db, account.id);
  return {
    items: held.map((h) => {
      const offer = offered.find((o) => o.id === h.package_id);
      return { id: h.id, package_id: h.package_id, name: offer?.name ?? null, component: offer?.component ?? null, threshold: offer?.threshold ?? null, starts_on: h.starts_on, ends_on: h.ends_on };
    }),
    offered,
  };
}

export interface PackageInput {
  package_id: string;
  starts_on: string;
  ends_on?: string | null | undefined;
}

export async function replaceAccountPackages(deps: AppDeps, actor: Actor, accountId: string, items: readonly PackageInput[]) {
  requireRole(actor, ['admin'], "change an account's packages");
  const account = await getVisibleAccount(deps.db, actor, accountId);
  const offered = packagesOffered(deps, account);
  items.forEach((item, i) => {
    if (!offered.some((o) => o.id === item.package_id)) {
      const ids = offered.map((o) => o.id).join(', ') || '—';
      throw new AppError('validation_failed', undefined, [
        {
          path: `body.items.${i}.package_id`,
          message: `The policy pack ${account.pack_id} has no availability package "${item.package_id}"; use one of: ${ids}.`,
          text: { id: 'availability.package.unknown', values: { pack: account.pack_id, id: item.package_id, ids } },
        },
      ]);
    }
    if (item.ends_on != null && item.ends_on < item.starts_on) throw invalid(`body.items.${i}.ends_on`, 'Must not be before starts_on.');
  });
  const today = new Date(deps.clock.now()).toISOString().slice(0, 10);
  const deliverable = items.some((i) => i.package_id === DELIVERABILITY_PACKAGE && i.starts_on <= today && (i.ends_on == null || i.ends_on >= today));
  await deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('account_packages').where('account_id', '=', account.id).execute();
    if (items.length > 0) {
      await trx
        .insertInto('account_packages')
        .values(items.map((i) => ({ account_id: account.id, package_id: i.package_id, starts_on: i.starts_on, ends_on: i.ends_on ?? null })))
        .execute();
    }
    if (account.email_deliverability !== deliverable) {
      await trx.updateTable('accounts').set({ email_deliverability: deliverable, updated_at: new Date(deps.clock.now()) }).where('id', '=', account.id).execute();
    }
  });
  return listAccountPackages(deps, actor, account.id);
}
