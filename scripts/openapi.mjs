#!/usr/bin/env node
// `npm run openapi`: regenerates the web app's API types (packages/web/src/api/schema.gen.ts) from the
// server's OpenAPI document. Run it after changing a route schema; `npm test` fails until it is run.
// The contract test does the work (it runs the server from its TypeScript sources): with
// HOURGLASS_WRITE_OPENAPI=1 it writes the file instead of comparing.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const r = spawnSync(process.execPath, [join(root, 'node_modules/vitest/vitest.mjs'), 'run', 'packages/web/test/api-contract.test.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, HOURGLASS_WRITE_OPENAPI: '1' },
});
process.exit(r.status ?? 1);
