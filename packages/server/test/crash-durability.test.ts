import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORDS } from '../src/seed/demo-data.js';
import { CUSTOMER_A } from './support/app.js';
import { createTestDatabase, DATABASE_KINDS } from './support/databases.js';
import { COMPILED_SERVER, killService, spawnService } from './support/spawn-service.js';

async function signIn(url: string): Promise<string> {
  const response = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: CUSTOMER_A, password: DEMO_PASSWORDS.customer }),
  });
  expect(response.status).toBe(200);
  return response.headers.getSetCookie()[0]!.split(';')[0]!;
}

describe.each(DATABASE_KINDS)('a created ticket survives kill -9 of the service on %s', (kind) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('reads back the ticket after SIGKILL and a restart', async () => {
    expect(existsSync(COMPILED_SERVER), 'compile the packages first (npx tsc -b)').toBe(true);
    let args: string[];
    if (kind === 'pglite') {
      const dir = await mkdtemp(path.join(tmpdir(), 'hourglass-crash-'));
      cleanups.push(() => rm(dir, { recursive: true, force: true }));
      args = ['--data-dir', dir];
    } else {
      const database = await createTestDatabase();
      cleanups.push(database.drop);
      args = ['--database-url', database.url];
    }

    const first = await spawnService(args, 45_000);
    cleanups.push(async () => void first.child.kill('SIGKILL'));
    const cookie = await signIn(first.url);
    // P2 is for production projects only.
    const accounts = (await (await fetch(`${first.url}/api/v1/accounts`, { headers: { cookie } })).json()) as { items: { projects: { id: string; production: boolean }[] }[] };
    const body = JSON.stringify({
      subject: 'Survives a crash',
      description: 'Written just before the process is killed.',
      priority: 'P2',
      project_id: accounts.items[0]!.projects.find((p) => p.production)!.id,
    });
    const created = await fetch(`${first.url}/api/v1/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, origin: first.url, 'idempotency-key': 'crash-1' },
      body,
    });
    expect(created.status).toBe(201);
    const ticket = (await created.json()) as { id: string; targets: { due_at: string }[] };
    await killService(first);

    const second = await spawnService(args, 45_000);
    cleanups.push(async () => void second.child.kill('SIGKILL'));
    const again = await signIn(second.url);
    const read = await fetch(`${second.url}/api/v1/tickets/${ticket.id}`, { headers: { cookie: again } });
    expect(read.status).toBe(200);
    const stored = (await read.json()) as { subject: string; targets: { due_at: string }[] };
    expect(stored.subject).toBe('Survives a crash');
    expect(stored.targets[0]!.due_at).toBe(ticket.targets[0]!.due_at);
    const replay = await fetch(`${second.url}/api/v1/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: again, origin: second.url, 'idempotency-key': 'crash-1' },
      body,
    });
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotency-replayed')).toBe('true');
    expect(((await replay.json()) as { id: string }).id).toBe(ticket.id);
    await killService(second);
  }, 120_000);
});
