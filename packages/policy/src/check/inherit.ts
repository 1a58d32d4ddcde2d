/** Fills each version's unset keys from the version before it, remembering where each came from. */
import { INHERITED_KEYS, type PackData, type VersionData } from '../schema/pack.js';

export type InheritedKey = (typeof INHERITED_KEYS)[number];

export interface ResolvedVersion {
  /** The version's own index in `versions`. */
  index: number;
  data: VersionData;
  /** For each inherited key, the index of the version that wrote it. */
  origin: Partial<Record<InheritedKey, number>>;
  /** Keys whose data was only partly readable (some items had shape problems and are left out). */
  broken: Set<InheritedKey>;
}

/**
 * `brokenKeys[i]`: the keys of version i that had shape problems; their readable items are kept
 * (unreadable list items become holes) so that the rest of the file can still be checked.
 */
export function resolveVersions(pack: PackData, brokenKeys: readonly ReadonlySet<InheritedKey>[] = []): ResolvedVersion[] {
  const out: ResolvedVersion[] = [];
  pack.versions.forEach((own, index) => {
    const previous = out[index - 1];
    const data: VersionData = { ...own };
    const origin: Partial<Record<InheritedKey, number>> = {};
    const broken = new Set<InheritedKey>();
    const ownBroken = brokenKeys[index];
    for (const key of INHERITED_KEYS) {
      if (own[key] !== undefined || ownBroken?.has(key)) {
        origin[key] = index;
        if (ownBroken?.has(key)) broken.add(key);
      } else if (previous && previous.data[key] !== undefined) {
        (data as Record<string, unknown>)[key] = previous.data[key];
        origin[key] = previous.origin[key];
        if (previous.broken.has(key)) broken.add(key);
      }
    }
    out.push({ index, data, origin, broken });
  });
  return out;
}
