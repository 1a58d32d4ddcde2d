/**
 * The server's source folders as a graph: which top-level folder of `src/` imports which, folded from
 * the module imports dependency-cruiser finds, and the cycles among them with the imports that make
 * each step.
 */

/** One import of one module by another, paths relative to the folder the modules were cruised from. */
export interface ModuleImport {
  from: string;
  to: string;
}

/** The imports that make one folder depend on another. */
export interface FolderEdge {
  from: string;
  to: string;
  imports: ModuleImport[];
}

export type FolderGraph = Map<string, Map<string, ModuleImport[]>>;

/**
 * The folder a module belongs to: its top-level folder under `root` (`tickets` for
 * `src/tickets/domain/rules.ts`), or the file's own name for a file directly in `root`
 * (`clock.ts`). Modules outside `root` have none.
 */
export function folderOf(root: string, module: string): string | null {
  const prefix = root.endsWith('/') ? root : `${root}/`;
  if (!module.startsWith(prefix)) return null;
  const rest = module.slice(prefix.length);
  const slash = rest.indexOf('/');
  return slash === -1 ? rest : rest.slice(0, slash);
}

/** Folds module imports into folder dependencies; imports within a folder and to modules outside `root` are left out. */
export function folderGraph(root: string, imports: readonly ModuleImport[]): FolderGraph {
  const graph: FolderGraph = new Map();
  for (const edge of imports) {
    const from = folderOf(root, edge.from);
    const to = folderOf(root, edge.to);
    if (from === null || to === null) continue;
    if (!graph.has(from)) graph.set(from, new Map());
    if (!graph.has(to)) graph.set(to, new Map());
    if (from === to) continue;
    const targets = graph.get(from)!;
    const list = targets.get(to) ?? [];
    list.push(edge);
    targets.set(to, list);
  }
  return graph;
}

/** The strongly connected groups of more than one folder (Tarjan's algorithm), each sorted, in a stable order. */
export function cyclicGroups(graph: FolderGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  let next = 0;
  const visit = (node: string): void => {
    index.set(node, next);
    low.set(node, next);
    next++;
    stack.push(node);
    onStack.add(node);
    for (const target of [...(graph.get(node)?.keys() ?? [])].sort()) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node)!, index.get(target)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      if (group.length > 1) groups.push(group.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return groups.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

/** A shortest cycle through the first folder of a cyclic group, as the edges that make it. */
export function cycleThrough(graph: FolderGraph, group: readonly string[]): FolderEdge[] {
  const members = new Set(group);
  const start = group[0]!;
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const target of [...(graph.get(node)?.keys() ?? [])].sort()) {
      if (!members.has(target)) continue;
      if (target === start) {
        const path = [start];
        for (let at = node; at !== start; at = cameFrom.get(at)!) path.unshift(at);
        path.unshift(start);
        return path.slice(0, -1).map((from, i) => ({ from, to: path[i + 1]!, imports: graph.get(from)!.get(path[i + 1]!)! }));
      }
      if (!cameFrom.has(target) && target !== start) {
        cameFrom.set(target, node);
        queue.push(target);
      }
    }
  }
  throw new Error(`The folders ${group.join(', ')} were given as a cycle, but no cycle runs through ${start}.`);
}

/**
 * The shortest cycle through each folder of each cyclic group, each cycle once (a cycle found from
 * another of its folders is the same cycle).
 */
export function cyclesIn(graph: FolderGraph): FolderEdge[][] {
  const seen = new Set<string>();
  const cycles: FolderEdge[][] = [];
  for (const group of cyclicGroups(graph)) {
    for (const start of group) {
      const cycle = cycleThrough(graph, [start, ...group.filter((g) => g !== start)]);
      // Told from its alphabetically first folder, so that each cycle reads the same wherever it was found.
      const folders = cycle.map((e) => e.from);
      const first = folders.indexOf([...folders].sort()[0]!);
      const rotated = [...cycle.slice(first), ...cycle.slice(0, first)];
      const key = rotated.map((e) => e.from).join(' ');
      if (seen.has(key)) continue;
      seen.add(key);
      cycles.push(rotated);
    }
  }
  return cycles;
}

/** A cycle in words: the path, then each step's first import (and how many more there are). */
export function describeCycle(cycle: readonly FolderEdge[]): string {
  const path = [...cycle.map((e) => e.from), cycle[0]!.from].join(' → ');
  const steps = cycle.map((e) => {
    const [first] = e.imports;
    const more = e.imports.length > 1 ? ` (and ${e.imports.length - 1} more)` : '';
    return `  ${e.from} → ${e.to}: ${first!.from} imports ${first!.to}${more}`;
  });
  return [path, ...steps].join('\n');
}
