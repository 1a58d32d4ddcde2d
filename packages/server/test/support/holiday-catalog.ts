import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parsePack, PolicyRegistry, shippedPacksDir } from '@hourglass/policy';
import type { PolicyCatalog } from '../../src/policy/catalog.js';

/**
 * The shipped packs with a fixed holiday added to every calendar of `packId` that lists holidays, in
 * place (same pack versions), as an operator edits the pack file.
 */
export async function catalogWithHoliday(packId: string, holiday: { name: string; month: number; day: number }): Promise<PolicyCatalog> {
  const dir = shippedPacksDir();
  const packs = [];
  for (const file of (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f)).sort()) {
    let text = await readFile(path.join(dir, file), 'utf8');
    if (file.replace(/\.ya?ml$/, '') === packId) {
      const edited = text.replace(/^(\s*)holidays:\n/gm, (line, indent: string) => `${line}${indent}  - { kind: fixed, name: ${holiday.name}, month: ${holiday.month}, day: ${holiday.day} }\n`);
      if (edited === text) throw new Error(`${file} has no holidays list to add a holiday to`);
      text = edited;
    }
    const parsed = parsePack(text, file);
    if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('\n'));
    packs.push(parsed.pack);
  }
  return new PolicyRegistry(packs);
}
