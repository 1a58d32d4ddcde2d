#!/usr/bin/env node
// `npm start`: install and build what is missing, then serve Hourglass (API and web app) on the
// embedded database with demo data. Extra arguments go to `hourglass serve` (e.g. -- --port 4000).
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const setup = spawnSync(process.execPath, [join(root, 'scripts/ensure-setup.mjs')], { cwd: root, stdio: 'inherit' });
if (setup.status !== 0) process.exit(setup.status || 1);

const child = spawn(process.execPath, [join(root, 'packages/cli/bin/hourglass.js'), 'serve', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
