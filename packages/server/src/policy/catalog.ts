import type { CompiledPack, CompiledPackVersion, Plan, PolicyRegistry, Priority } from '@hourglass/policy';
import { AppError } from '../errors.js';

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

/**
 * A ticket is pinned to a pack version that this server's catalog does not have (the pack file was
 * replaced without it, or the pack is gone). Its SLA must not be computed under other rules, so this
 * is a server error that names the pack and version; the HTTP layer logs it and answers 500 with it.
 */
export class PinnedVersionMissing extends AppError {
  constructor(
    readonly packId: string,
    readonly versionId: string,
    known: readonly string[] | null,
  ) {
    super(
      'internal',
      known === null
        ? `This ticket follows version "${versionId}" of policy pack "${packId}", but the server has no pack "${packId}"; restore the pack file so its SLA can be computed under the rules it was opened with.`
        : `This ticket follows version "${versionId}" of policy pack "${packId}", which the server's copy of the pack does not have (it has ${known.join(', ')}); restore that version so its SLA can be computed under the rules it was opened with.`,
    );
  }
}

/** The version a ticket or account was pinned to; never another one: a missing version is a `PinnedVersionMissing` error. */
export function pinnedVersion(catalog: PolicyCatalog, packId: string, versionId: string): CatalogPackVersion {
  if (!catalog.has(packId)) throw new PinnedVersionMissing(packId, versionId, null);
  const pack = catalog.pack(packId);
  const version = pack.versions.find((v) => v.id === versionId);
  if (version === undefined) throw new PinnedVersionMissing(packId, versionId, pack.versions.map((v) => v.id));
  return version;
}

export function defaultPriorityOf(version: CatalogPackVersion): string {
  return version.defaultPriority;
}
