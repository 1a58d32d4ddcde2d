#!/usr/bin/env node
// Writes the README's pictures that come from the running desk: the portal ticket page in German
// (docs/screenshots/portal-ticket-de.png), taken in Chromium by packages/web/test/readme-screenshot.test.ts.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChromium } from './chromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (!ensureChromium()) process.exit(1);
const r = spawnSync(process.execPath, [join(root, 'node_modules/vitest/vitest.mjs'), 'run', 'packages/web/test/readme-screenshot.test.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, HOURGLASS_README_SCREENSHOTS: '1' },
});
process.exit(r.status ?? 1);
