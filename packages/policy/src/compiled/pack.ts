/** A pack's versions in effective order, and which one is in force at an instant. */
import { formatInstant } from '@hourglass/engine';
import { listIds, PolicyError } from '../errors.js';
import type { CompiledPackVersion } from './version.js';

export class CompiledPack {
  readonly id: string;
  readonly name: string;
  readonly description: string | undefined;
  /** Oldest first. */
  readonly versions: readonly CompiledPackVersion[];
  /** Where the pack was read from, when it came from a file. */
  readonly file: string | undefined;

  constructor(id: string, name: string, description: string | undefined, versions: CompiledPackVersion[], file?: string) {
    this.id = id;
    this.name = name;
    this.description = description;
    this.versions = versions;
    this.file = file;
  }

  /** The version in force at `at` (epoch ms): the latest whose effective_from is not after it. */
  versionAt(at: number): CompiledPackVersion {
    const vs = this.versions;
    for (let i = vs.length - 1; i >= 0; i--) {
      if (vs[i]!.effectiveFrom <= at) return vs[i]!;
    }
    const first = vs[0]!;
    throw new PolicyError(
      'unknown_version',
      `policy "${this.id}" has no version in force at ${Number.isFinite(at) ? formatInstant(at, 'UTC') : String(at)}; its first version (${first.id}) takes effect ${formatInstant(first.effectiveFrom, 'UTC')}`,
    );
  }

  version(id: string): CompiledPackVersion {
    const found = this.versions.find((v) => v.id === id);
    if (!found) {
      throw new PolicyError('unknown_version', `policy "${this.id}" has no version "${id}"; versions: ${listIds(this.versions.map((v) => v.id))}`);
    }
    return found;
  }

  /** The newest version (the one new tickets get once its effective_from has passed). */
  get latest(): CompiledPackVersion {
    return this.versions[this.versions.length - 1]!;
  }
}
