/** Choosing the pack version a question is answered under. */
import { formatInstant } from '@hourglass/engine';
import type { CompiledPack, CompiledPackVersion } from '@hourglass/policy';

/** The version named by `id`, or else the one in force at `at` (as a ticket opened then would keep). */
export function chooseVersion(pack: CompiledPack, id: string | undefined, at: number): CompiledPackVersion {
  return id === undefined ? pack.versionAt(at) : pack.version(id);
}

/**
 * When a version takes effect, as its pack file wrote it (`2025-04-01T00:00:00-07:00`), or else
 * as an instant in `zone`.
 */
export function effectiveFromText(version: CompiledPackVersion, zone: string): string {
  const written = (version.spec as { effective_from?: unknown } | undefined)?.effective_from;
  if (typeof written === 'string' && Date.parse(written) === version.effectiveFrom) return written;
  return formatInstant(version.effectiveFrom, zone);
}
