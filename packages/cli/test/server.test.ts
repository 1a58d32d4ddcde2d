import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadServer, type ServerApi } from '../src/commands/server/api.js';
import { CommandError } from '../src/errors.js';
import { run } from './support/run.js';

interface Calls {
  started: Parameters<ServerApi['startServer']>[0][];
  opened: Parameters<ServerApi['openDatabase']>[0][];
  migrated: unknown[];
  seeded: unknown[];
  closed: number;
}

function fakeServer(options: { seeded?: boolean; applied?: string[] } = {}) {
  const calls: Calls = { started: [], opened: [], migrated: [], seeded: [], closed: 0 };
  const db = { name: 'opened-db' };
  const api: ServerApi = {
    async startServer(o) {
      calls.started.push(o);
      o.print?.('Hourglass is listening on http://localhost:4000');
      return { url: 'http://localhost:4000' };
    },
    async migrate(given) {
      calls.migrated.push(given);
      return { applied: options.applied ?? [] };
    },
    async seed(given) {
      calls.seeded.push(given);
      return { seeded: options.seeded ?? true, logins: [{ role: 'admin', email: 'admin@example.test', password: 'demo-pass', account: 'Acme Demo' }] };
    },
    async openDatabase(o) {
      calls.opened.push(o);
      return { db, kind: 'pglite', close: async () => void calls.closed++ };
    },
    readConfig: () => ({ databaseUrl: undefined, dataDir: '/configured/.data' }),
  };
  return { calls, db, loadServer: async () => api };
}

describe('the server module', () => {
  it('has every function the server commands call', async () => {
    const server = await loadServer();
    for (const name of ['startServer', 'migrate', 'seed', 'openDatabase', 'readConfig'] as const) expect(typeof server[name]).toBe('function');
  });
});

describe('hourglass serve', () => {
  it('starts the server with the flags given, printing through the command output', async () => {
    const fake = fakeServer();
    const r = await run(['serve', '--port', '4000', '--host', '0.0.0.0', '--data-dir', 'some/dir'], { deps: { loadServer: fake.loadServer } });
    expect(r.code).toBe(0);
    expect(fake.calls.started).toHaveLength(1);
    expect(fake.calls.started[0]).toMatchObject({ port: 4000, host: '0.0.0.0', dataDir: path.resolve('some/dir') });
    expect(fake.calls.started[0]).not.toHaveProperty('databaseUrl');
    expect(r.out).toContain('listening on http://localhost:4000');
  });

  it('leaves unset flags to the server configuration', async () => {
    const fake = fakeServer();
    await run(['serve'], { deps: { loadServer: fake.loadServer } });
    expect(Object.keys(fake.calls.started[0]!)).toEqual(['print']);
  });

  it.each([
    [['--port', 'http'], /--port must be a number/],
    [['--port', '70000'], /--port must be from 0 to 65535/],
    [['--port', '80.5'], /whole number/],
  ])('rejects %j', async (args, message) => {
    const fake = fakeServer();
    const r = await run(['serve', ...args], { deps: { loadServer: fake.loadServer } });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(fake.calls.started).toHaveLength(0);
  });

  it('reports a server that fails to start in plain words', async () => {
    const loadServer = async (): Promise<ServerApi> => ({
      ...(await fakeServer().loadServer()),
      startServer: async () => {
        throw new Error('listen EADDRINUSE: address already in use 127.0.0.1:3000');
      },
    });
    const r = await run(['serve'], { deps: { loadServer } });
    expect(r.code).toBe(1);
    expect(r.err).toBe('error: listen EADDRINUSE: address already in use 127.0.0.1:3000\n');
  });
});

describe('hourglass migrate and seed', () => {
  it('migrates the configured database', async () => {
    const fake = fakeServer({ applied: ['001_init', '002_tickets'] });
    const r = await run(['migrate'], { deps: { loadServer: fake.loadServer } });
    expect(r.code).toBe(0);
    expect(fake.calls.migrated).toEqual([undefined]);
    expect(fake.calls.opened).toHaveLength(0);
    expect(r.out).toBe('Applied 2 migrations: 001_init, 002_tickets\n');
  });

  it('opens the database named by the flags, and closes it', async () => {
    const fake = fakeServer();
    const r = await run(['migrate', '--data-dir', 'elsewhere'], { deps: { loadServer: fake.loadServer } });
    expect(r.out).toBe('The database is up to date.\n');
    expect(fake.calls.opened).toEqual([{ databaseUrl: undefined, dataDir: path.resolve('elsewhere') }]);
    expect(fake.calls.migrated).toEqual([fake.db]);
    expect(fake.calls.closed).toBe(1);
  });

  it('seeds and prints the demo logins', async () => {
    const fake = fakeServer();
    const r = await run(['seed', '--database-url', 'postgres://u@127.0.0.1:5432/hg'], { deps: { loadServer: fake.loadServer } });
    expect(r.code).toBe(0);
    expect(fake.calls.opened).toEqual([{ databaseUrl: 'postgres://u@127.0.0.1:5432/hg', dataDir: '/configured/.data' }]);
    expect(fake.calls.seeded).toEqual([fake.db]);
    expect(r.out).toMatch(/^Demo data was created\. Demo logins:\n  admin\s+admin@example\.test\s+demo-pass\s+Acme Demo\n$/);
  });

  it('says when there was nothing to seed', async () => {
    const fake = fakeServer({ seeded: false });
    const r = await run(['seed'], { deps: { loadServer: fake.loadServer } });
    expect(r.out).toMatch(/already holds data; nothing was added/);
  });

  it('reports a server that cannot be loaded in plain words', async () => {
    const failing = async (): Promise<ServerApi> => {
      throw new CommandError('the server could not be loaded (missing); run `npm run build` at the root of the checkout and try again');
    };
    const r = await run(['migrate'], { deps: { loadServer: failing } });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^error: the server could not be loaded/);
  });
});
