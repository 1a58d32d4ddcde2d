#!/usr/bin/env node
// Installs dependencies when they are missing or stale, then compiles the workspaces.
// Plain Node with no dependencies, so it runs on a fresh clone.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const quiet = process.argv.includes('--quiet');

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (r.status !== 0) {
    console.error(`\nSet-up step failed: ${cmd} ${args.join(' ')} (exit ${r.status ?? r.signal}).`);
    process.exit(r.status || 1);
  }
}

function mtime(path) {
  try {
    return statSync(join(root, path)).mtimeMs;
  } catch {
    return 0;
  }
}

const installed = mtime('node_modules/.package-lock.json');
const manifests = ['package.json', 'package-lock.json', 'packages/engine/package.json', 'packages/policy/package.json', 'packages/rules/package.json', 'packages/cli/package.json', 'packages/server/package.json', 'packages/web/package.json'];
if (!installed || manifests.some((m) => mtime(m) > installed)) {
  // On CI (CI=true, as CI services set it) the lock file is the law: `npm ci` installs exactly what it
  // lists and fails when package.json and package-lock.json disagree. Elsewhere `npm install` keeps a
  // working tree's node_modules and updates the lock file after a manifest edit.
  const ci = isCi(process.env.CI);
  const command = ci ? 'ci' : 'install';
  if (!quiet) console.log(`Installing dependencies (npm ${command})…`);
  run('npm', [command, '--no-audit', '--no-fund', '--loglevel=error']);
}

/** CI services set CI=true (some CI=1); an empty value or "false" means a developer's machine. */
function isCi(value) {
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

if (!quiet) console.log('Compiling (tsc -b)…');
run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-b']);
// The web app is rebuilt only when a source file is newer than the last build.
function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}
const web = join(root, 'packages/web');
const wantWeb = !process.argv.includes('--no-web') && !process.env.HOURGLASS_SKIP_WEB_BUILD && existsSync(join(web, 'index.html'));
if (wantWeb) {
  const sources = Math.max(newest(join(web, 'src')), newest(join(root, 'packages/rules/src')), mtime('packages/web/index.html'), mtime('packages/web/vite.config.ts'), mtime('packages/web/package.json'));
  if (sources > mtime('packages/web/dist/index.html')) {
    if (!quiet) console.log('Building the web app (vite build)…');
    run('npm', ['run', '--silent', 'build', '-w', 'packages/web']);
  }
}
