#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/main.js', import.meta.url);

if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('hourglass is not built yet: run `npm run build` at the root of the checkout, then try again.\n');
  process.exit(1);
}

await import(entry.href);
