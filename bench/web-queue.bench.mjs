#!/usr/bin/env node
// `npm run bench:web`: a thousand open tickets in the agent queue, in Chromium, against a real server
// on the embedded database. Prints the time from navigation to every row shown and the app's own
// rendering share, and fails if rendering takes a second or more (or the whole load five). Then the
// portal's initial JavaScript: every script loaded until the customer's ticket list shows, gzipped,
// printed per file and failing above 120 KB.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChromium } from '../scripts/chromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
ensureChromium();
const r = spawnSync(process.execPath, [join(root, 'node_modules/vitest/vitest.mjs'), 'run', 'packages/web/test/queue-performance.test.ts', 'packages/web/test/initial-js.test.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, HOURGLASS_BENCH_WEB: '1' },
});
process.exit(r.status ?? 1);
