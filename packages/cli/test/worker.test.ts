import { describe, expect, it } from 'vitest';
import type { ServerApi } from '../src/commands/server/api.js';
import { run } from './support/run.js';

function fakeServer() {
  const started: unknown[] = [];
  const workers: unknown[] = [];
  const api: ServerApi = {
    async startServer(o) {
      started.push(o);
      return { url: 'http://localhost:4000' };
    },
    async startWorker(o) {
      workers.push(o);
      o.print?.('Hourglass worker test:1 is firing timers');
      return { stopped: Promise.resolve() };
    },
    migrate: async () => ({ applied: [] }),
    seed: async () => ({ seeded: false, logins: [] }),
    openDatabase: async () => ({ db: {}, kind: 'pglite', close: async () => {} }),
    readConfig: () => ({ databaseUrl: undefined, dataDir: '/configured/.data' }),
  };
  return { started, workers, loadServer: async () => api };
}

describe('hourglass worker', () => {
  it('runs the worker on the database named, until it stops', async () => {
    const fake = fakeServer();
    const r = await run(['worker', '--database-url', 'postgres://db.example/hourglass'], { deps: { loadServer: fake.loadServer } });
    expect(r.code).toBe(0);
    expect(fake.workers).toEqual([{ databaseUrl: 'postgres://db.example/hourglass', print: expect.any(Function) }]);
    expect(r.out).toContain('is firing timers');
  });

  it('passes --lease-ms on, and refuses a lease outside 1 s to 1 h with a plain message', async () => {
    const fake = fakeServer();
    const r = await run(['worker', '--lease-ms', '5000'], { deps: { loadServer: fake.loadServer } });
    expect(r.code).toBe(0);
    expect(fake.workers[0]).toMatchObject({ leaseMs: 5000 });
    const bad = fakeServer();
    const refused = await run(['worker', '--lease-ms', '10'], { deps: { loadServer: bad.loadServer } });
    expect(refused.code).not.toBe(0);
    expect(refused.err).toContain('--lease-ms must be from 1000 to 3600000');
    expect(refused.err).not.toMatch(/\n\s+at /);
    expect(bad.workers).toEqual([]);
  });

  it('explains itself with --help', async () => {
    const r = await run(['worker', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('hourglass worker [--data-dir DIR | --database-url URL]');
  });

  it('serve --no-worker leaves timers to separate workers', async () => {
    const fake = fakeServer();
    const r = await run(['serve', '--no-worker'], { deps: { loadServer: fake.loadServer } });
    expect(r.code).toBe(0);
    expect(fake.started[0]).toMatchObject({ worker: false });
    const plain = fakeServer();
    await run(['serve'], { deps: { loadServer: plain.loadServer } });
    expect(plain.started[0]).not.toHaveProperty('worker');
  });
});
