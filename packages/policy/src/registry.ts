/** The packs a process knows: the shipped examples, or any set of files, by id. */
import { readFile, readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { CompiledPack } from './compiled/pack.js';
import { listIds, PolicyError } from './errors.js';
import { parsePack } from './parse/parse-pack.js';

export class PolicyRegistry {
  private readonly packs = new Map<string, CompiledPack>();

  constructor(packs: Iterable<CompiledPack> = []) {
    for (const pack of packs) this.add(pack);
  }

  add(pack: CompiledPack): void {
    const existing = this.packs.get(pack.id);
    if (existing) {
      throw new PolicyError('duplicate_pack', `policy "${pack.id}" is defined twice (${existing.file ?? 'in memory'} and ${pack.file ?? 'in memory'})`);
    }
    this.packs.set(pack.id, pack);
  }

  packIds(): string[] {
    return [...this.packs.keys()];
  }

  has(id: string): boolean {
    return this.packs.has(id);
  }

  pack(id: string): CompiledPack {
    const pack = this.packs.get(id);
    if (!pack) throw new PolicyError('unknown_pack', `unknown policy "${id}"; known policies: ${listIds(this.packIds())}`);
    return pack;
  }
}

/** Reads, checks and compiles one pack file; throws `invalid_pack` with every problem. */
export async function loadPackFile(file: string): Promise<CompiledPack> {
  const text = await readFile(file, 'utf8');
  const result = parsePack(text, file);
  if (!result.ok) {
    const list = result.problems.map((p) => `${p.file}:${p.line ?? 0}:${p.column ?? 0} ${p.path || '(file)'}: ${p.message}`).join('\n');
    throw new PolicyError('invalid_pack', `${file} is not a valid policy pack:\n${list}`, result.problems);
  }
  return result.pack;
}

/** The folder of the packs that ship with Hourglass. */
export function shippedPacksDir(): string {
  return fileURLToPath(new URL('../packs/', import.meta.url));
}

export async function loadPackDir(dir: string): Promise<PolicyRegistry> {
  const files = (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f)).sort();
  const packs = await Promise.all(files.map((f) => loadPackFile(`${dir.replace(/\/$/, '')}/${f}`)));
  return new PolicyRegistry(packs);
}

let shipped: Promise<PolicyRegistry> | undefined;

/** The shipped packs (twilio, 360dialog, exotel), read once per process. */
export function loadShippedPacks(): Promise<PolicyRegistry> {
  shipped ??= loadPackDir(shippedPacksDir());
  return shipped;
}
