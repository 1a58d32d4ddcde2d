import type { RawProblem } from '../parse/issues.js';
import type { DataPath } from '../parse/paths.js';

/** Reports each repeated id of a list at the repeat, naming the first. */
export function checkUnique(items: readonly ({ id: string } | undefined)[], base: DataPath, what: string, problems: RawProblem[]): Set<string> {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    if (!item) return;
    const first = seen.get(item.id);
    if (first !== undefined) {
      problems.push({ path: [...base, i, 'id'], message: `${what} "${item.id}" is defined twice (first at ${base.join('.')}[${first}]); ids must be unique` });
    } else seen.set(item.id, i);
  });
  return new Set(seen.keys());
}

/** `a, b, c` for messages that list the valid choices. */
export function choices(ids: Iterable<string>): string {
  const list = [...ids];
  return list.length === 0 ? '(none defined)' : list.join(', ');
}
