import { fileURLToPath } from 'node:url';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { beforeAll, describe, expect, it } from 'vitest';
import { cyclesIn, cycleThrough, cyclicGroups, describeCycle, folderGraph, folderOf, type ModuleImport } from './support/folder-graph.js';

/**
 * The server's folders depend on each other without cycles: `app/` composes the features, the
 * features build on the shared pieces (`http/`, `db/`, `timers/`, …), and no folder reaches back up.
 * A new import that closes a cycle between folders fails here, naming the cycle and the imports
 * that make it.
 */

const serverDir = fileURLToPath(new URL('..', import.meta.url));

/** What `http/` may import: the HTTP helpers serve every feature, so they import none. */
const HTTP_MAY_IMPORT = '^src/(http|db|timers|notify|i18n)/|^src/(clock|config|errors|canonical-json)\\.ts$';

async function cruiseServer(): Promise<ICruiseResult> {
  const tsConfig = extractTSConfig(`${serverDir}tsconfig.json`);
  const result = await cruise(
    ['src'],
    {
      baseDir: serverDir,
      validate: true,
      // Type-only imports count: a type shared both ways is a cycle in the design all the same.
      tsPreCompilationDeps: true,
      doNotFollow: { path: 'node_modules' },
      exclude: { path: '\\.test\\.ts$' },
      ruleSet: {
        forbidden: [
          {
            name: 'http-imports-no-feature',
            comment: 'http/ holds the HTTP helpers every feature uses (error handling, pagination, common schemas, security, OpenAPI); features are composed in app/.',
            severity: 'error',
            from: { path: '^src/http/' },
            to: { path: '^src/', pathNot: HTTP_MAY_IMPORT },
          },
        ],
      },
    },
    {},
    { tsConfig },
  );
  return result.output as ICruiseResult;
}

function importsOf(result: ICruiseResult): ModuleImport[] {
  return result.modules.flatMap((m) => m.dependencies.filter((d) => !d.coreModule && !d.couldNotResolve).map((d) => ({ from: m.source, to: d.resolved })));
}

describe('the folder graph', () => {
  const edges = (...pairs: [string, string][]): ModuleImport[] => pairs.map(([from, to]) => ({ from: `src/${from}`, to: `src/${to}` }));

  it('names a module by its top-level folder, or by its own name at the top', () => {
    expect(folderOf('src', 'src/tickets/domain/rules.ts')).toBe('tickets');
    expect(folderOf('src', 'src/clock.ts')).toBe('clock.ts');
    expect(folderOf('src', 'node_modules/kysely/index.js')).toBeNull();
  });

  it('finds no cycle in layers, and leaves imports within a folder out', () => {
    const graph = folderGraph('src', edges(['app/serve.ts', 'tickets/create.ts'], ['tickets/create.ts', 'workflow/events.ts'], ['tickets/a.ts', 'tickets/domain/b.ts'], ['workflow/events.ts', 'db/schema.ts']));
    expect(cyclicGroups(graph)).toEqual([]);
    expect(graph.get('tickets')?.has('tickets')).toBe(false);
  });

  it('finds a cycle through three folders and names the imports that make it', () => {
    const graph = folderGraph('src', edges(['tickets/refresh.ts', 'workflow/events.ts'], ['workflow/dispatch.ts', 'routing/assign.ts'], ['routing/assign.ts', 'tickets/access.ts'], ['routing/decide.ts', 'tickets/facts.ts'], ['app/serve.ts', 'routing/assign.ts']));
    const groups = cyclicGroups(graph);
    expect(groups).toEqual([['routing', 'tickets', 'workflow']]);
    const text = describeCycle(cycleThrough(graph, groups[0]!));
    expect(text.split('\n')[0]).toBe('routing → tickets → workflow → routing');
    expect(text).toContain('routing → tickets: src/routing/assign.ts imports src/tickets/access.ts (and 1 more)');
    expect(text).toContain('workflow → routing: src/workflow/dispatch.ts imports src/routing/assign.ts');
  });

  it('lists each shortest cycle of a group once', () => {
    const graph = folderGraph('src', edges(['a/x.ts', 'b/x.ts'], ['b/x.ts', 'a/y.ts'], ['b/y.ts', 'c/x.ts'], ['c/y.ts', 'b/z.ts']));
    expect(cyclesIn(graph).map((cycle) => cycle.map((e) => e.from).join(' → '))).toEqual(['a → b', 'b → c']);
  });
});

describe('the server source folders', () => {
  let result: ICruiseResult;
  beforeAll(async () => {
    result = await cruiseServer();
  });

  it('resolves every import of its own modules (so no dependency goes unseen)', () => {
    const unresolved = result.modules.flatMap((m) => m.dependencies.filter((d) => d.couldNotResolve && d.module.startsWith('.')).map((d) => `${m.source} imports ${d.module}`));
    expect(unresolved).toEqual([]);
    // The cruise saw the folders: the composition root reaches the features.
    const graph = folderGraph('src', importsOf(result));
    expect([...(graph.get('app')?.keys() ?? [])]).toEqual(expect.arrayContaining(['tickets', 'workflow', 'escalation', 'routing', 'http', 'timers']));
  });

  it('have no cycle between folders', () => {
    const graph = folderGraph('src', importsOf(result));
    const cycles = cyclesIn(graph).map(describeCycle);
    expect(cycles, `Folders of packages/server/src that import each other (move the shared piece to the folder that owns it, or invert the dependency with a registry or an interface):\n\n${cycles.join('\n\n')}\n`).toEqual([]);
  });

  it('keep http/ free of features', () => {
    const violations = result.summary.violations.filter((v) => v.rule.name === 'http-imports-no-feature').map((v) => `${v.from} imports ${v.to}`);
    expect(violations, `http/ may import only ${HTTP_MAY_IMPORT}; register feature routes and hooks in app/ instead:\n${violations.join('\n')}\n`).toEqual([]);
  });
});
