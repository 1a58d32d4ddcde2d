#!/usr/bin/env node
// `npm run openapi`: regenerates the web app's API types (packages/web/src/api/schema.gen.ts) from the
// server's OpenAPI document. Run it after changing a route schema; `npm test` fails until it is run.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GENERATED_PATH, renderClientSchema, serverOpenApiDocument } from './openapi-contract.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// The document comes from the compiled server: compile what changed first.
const build = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-b', 'packages/server'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) {
  console.error('openapi: the server does not compile (errors above); fix them, then run npm run openapi again.');
  process.exit(build.status || 1);
}
const server = await import('../packages/server/dist/index.js');
const { loadShippedCatalog } = await import('../packages/server/dist/policy/shipped.js');
const document = await serverOpenApiDocument({ ...server, loadShippedCatalog });
writeFileSync(join(root, GENERATED_PATH), await renderClientSchema(document));
console.log(`openapi: wrote ${GENERATED_PATH}`);
