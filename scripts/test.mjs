#!/usr/bin/env node
// `npm test`: set up what is missing, make sure PostgreSQL is there, run every test, and close
// with one plain summary line.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChromium } from './chromium.mjs';
import { ensurePostgres } from './postgres.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const setup = spawnSync(process.execPath, [join(root, 'scripts/ensure-setup.mjs')], { cwd: root, stdio: 'inherit' });
if (setup.status !== 0) process.exit(setup.status || 1);

// The tests run from TypeScript sources that vitest does not type-check: a type error in a test or in
// the code it covers fails here, before any test runs.
console.log('Type-checking sources and tests (tsc -p tsconfig.tests.json)…');
const typecheck = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.tests.json', '--noEmit', '--pretty'], { cwd: root, stdio: 'inherit' });
if (typecheck.status !== 0) {
  console.error('\ntests: not run, the type-check failed (the errors are listed above). Fix them, then run npm test again.');
  process.exit(typecheck.status || 1);
}

await ensurePostgres();
ensureChromium();

const results = join(root, '.test-results.json');
rmSync(results, { force: true });
const args = [join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${results}`, ...process.argv.slice(2)];
const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: process.env });
try {
  const summary = JSON.parse(readFileSync(results, 'utf8'));
  console.log(`\ntests: ${summary.numPassedTests} passed, ${summary.numFailedTests} failed, ${summary.numPendingTests + summary.numTodoTests} skipped`);
} catch {
  console.log('\ntests: no summary was written (see the output above)');
}
process.exit(r.status ?? 1);
