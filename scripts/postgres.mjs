// Makes sure a PostgreSQL server answers for the tests that run against it: uses
// TEST_DATABASE_URL when set, else 127.0.0.1:5432, and starts the local cluster if it is down.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { connect } from 'node:net';

function reachable(host, port) {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 1500 });
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('timeout', () => { socket.destroy(); resolve(false); });
    socket.once('error', () => resolve(false));
  });
}

export async function ensurePostgres() {
  const url = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const host = url.hostname || '127.0.0.1';
  const port = Number(url.port || 5432);
  if (await reachable(host, port)) return;
  if (existsSync('/etc/postgresql')) {
    const versions = readdirSync('/etc/postgresql');
    for (const v of versions) {
      console.log(`Starting PostgreSQL ${v}…`);
      spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', v, 'main', 'start'], { stdio: 'inherit' });
    }
    for (let i = 0; i < 20; i++) {
      if (await reachable(host, port)) return;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  console.error(`PostgreSQL is not reachable at ${host}:${port}. Start it, or set TEST_DATABASE_URL to a server the tests may create databases on.`);
  process.exit(1);
}
