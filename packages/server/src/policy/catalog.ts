import type { CompiledPack, CompiledPackVersion, Plan, PolicyRegistry, Priority } from '@hourglass/policy';

/**
 * The policy registry of `@hourglass/policy`, as the service reads it: which packs exist, each
 * pack's versions, and of a version its plans, priorities, metrics, targets, clock rules and intake
 * forms. A ticket's SLA clocks and intake checks read its pinned version.
 */
export type PolicyCatalog = PolicyRegistry;
export type CatalogPack = CompiledPack;
export type CatalogPackVersion = CompiledPackVersion;
export type CatalogPlan = Plan;
export type CatalogPriority = Priority;

export interface PlanChoice {
  packId: string;
  /** The plan's canonical id (an alias such as exotel `smb` resolves to `sme`). */
  plan: string;
  /** The pack version in force at the instant asked about. */
  packVersion: string;
}

export type PlanLookup = { ok: true; choice: PlanChoice } | { ok: false; field: 'pack_id' | 'plan'; message: string };

/** Checks a pack id and plan id against the catalog at `at` and names the valid choices when they are wrong. */
export function lookUpPlan(catalog: PolicyCatalog, packId: string, planId: string, at: number): PlanLookup {
  const packIds = catalog.packIds();
  if (!packIds.includes(packId)) {
    return { ok: false, field: 'pack_id', message: `Unknown policy pack "${packId}"; use one of ${packIds.join(', ')}.` };
  }
  const version = catalog.pack(packId).versionAt(at);
  try {
    const plan = version.plan(planId);
    return { ok: true, choice: { packId, plan: plan.id, packVersion: version.id } };
  } catch (error) {
    const reason = error instanceof Error ? ` ${error.message}` : ` Use one of ${version.planIds().join(', ')}.`;
    return { ok: false, field: 'plan', message: `Pack "${packId}" has no plan "${planId}".${reason}` };
  }
}

/** The version a ticket or account was pinned to; falls back to the version in force at `at` if it is gone. */
export function pinnedVersion(catalog: PolicyCatalog, packId: string, versionId: string, at: number): CatalogPackVersion {
  const pack = catalog.pack(packId);
  try {
    return pack.version(versionId);
  } catch {
    return pack.versionAt(at);
  }
}

export function defaultPriorityOf(version: CatalogPackVersion): string {
  return version.defaultPriority;
}
