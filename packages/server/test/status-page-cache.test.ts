import type { KyselyPlugin, RootOperationNode } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/clock.js';
import { announceStatusChange } from '../src/db/status-change.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { type DatabaseHandle, openDatabase } from '../src/db/open.js';
import { loadShippedCatalog } from '../src/policy/shipped.js';
import { seedDemoData } from '../src/seed/seed.js';
import { StatusCache } from '../src/status-page/index.js';
import { START } from './support/app.js';
import { addUpdate, insertStatusFixtures, type StatusFixtures } from './status-page-fixtures.js';

/** Counts the reads of the incidents table (one per snapshot). */
function incidentReads(): KyselyPlugin & { count: number } {
  const plugin = {
    count: 0,
    transformQuery(args: { node: RootOperationNode }) {
      const node = args.node as { kind: string; from?: { froms: { table?: { identifier?: { name?: string } } }[] } };
      if (node.kind === 'SelectQueryNode' && node.from?.froms.some((f) => f.table?.identifier?.name === 'incidents')) plugin.count += 1;
      return args.node;
    },
    async transformResult(args: { result: unknown }) {
      return args.result as never;
    },
  };
  return plugin as KyselyPlugin & { count: number };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The cache reads the database once for a burst of changes: ten updates a second cost about ten reads
 * a second, a hundred announced at once a couple; the first change of a quiet spell is read at once.
 */
describe('the status page cache on the embedded database', () => {
  let handle: DatabaseHandle;
  let f: StatusFixtures;
  const clock = fixedClock(START);

  beforeAll(async () => {
    handle = await openDatabase({});
    await migrateToLatest(handle.db);
    await seedDemoData(handle.db, await loadShippedCatalog(), clock, { tickets: false });
    f = await insertStatusFixtures(handle.db, START);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('reads once for a burst, at once after a quiet spell, and shows the last change of the burst', async () => {
    const reads = incidentReads();
    const cache = new StatusCache({ db: handle.db.withPlugin(reads), clock, baseUrl: 'http://status.example', debounceMs: 50, refreshMs: 60_000 });
    try {
      await cache.start();
      expect(reads.count).toBe(1);
      await sleep(100);

      // A hundred changes announced at once: the first is read at once, the rest in at most one more read.
      for (let i = 0; i < 100; i++) cache.changed();
      await sleep(200);
      expect(reads.count).toBeGreaterThanOrEqual(2);
      expect(reads.count).toBeLessThanOrEqual(3);

      // Ten updates a second for a second, each announced in its transaction: about one read each, never more.
      const before = reads.count;
      let last = '';
      for (let i = 0; i < 10; i++) {
        last = await addUpdate(handle.db, announceStatusChange, f.providerId, f.incidents.active, `Burst update ${i}.`, START + i);
        await sleep(100);
      }
      await sleep(150);
      expect(reads.count - before).toBeLessThanOrEqual(11);
      expect(reads.count - before).toBeGreaterThanOrEqual(5);
      expect(cache.current?.snapshot.incidents.find((i) => i.id === f.incidents.active)?.updates[0]?.id).toBe(last);
    } finally {
      await cache.close();
    }
  });
});
