/**
 * The share of partial-outage time the uptime bars count as unavailable: the one the provider's
 * accounts' policy packs agree on (`availability.partial_outage_share` of the version in force), else
 * 0.3, the default of the packs and the convention of Statuspage and Instatus. Remembered for a minute.
 */
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database } from '../db/schema.js';
import { DEFAULT_PARTIAL_SHARE } from '../incidents/status-timeline.js';
import type { PolicyCatalog } from '../policy/catalog.js';

export { DEFAULT_PARTIAL_SHARE };
const REMEMBER_MS = 60_000;

export function partialShareFromPacks(db: Kysely<Database>, registry: PolicyCatalog, clock: Clock): (providerId: string) => Promise<number> {
  const remembered = new Map<string, { until: number; share: number }>();
  return async (providerId) => {
    const now = clock.now();
    const known = remembered.get(providerId);
    if (known && known.until > now) return known.share;
    const packs = await db.selectFrom('accounts').select('pack_id').distinct().where('provider_id', '=', providerId).execute();
    const shares = new Set(packs.map((p) => shareOf(registry, p.pack_id, now)));
    const share = shares.size === 1 ? [...shares][0]! : DEFAULT_PARTIAL_SHARE;
    remembered.set(providerId, { until: now + REMEMBER_MS, share });
    return share;
  };
}

function shareOf(registry: PolicyCatalog, packId: string, at: number): number {
  if (!registry.has(packId)) return DEFAULT_PARTIAL_SHARE;
  try {
    return registry.pack(packId).versionAt(at).availability?.partial_outage_share ?? DEFAULT_PARTIAL_SHARE;
  } catch {
    // No version in force yet.
    return DEFAULT_PARTIAL_SHARE;
  }
}
