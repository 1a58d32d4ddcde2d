import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as server from '@hourglass/server';
import { describe, expect, it } from 'vitest';
import { loadShippedCatalog } from '../../server/src/policy/shipped.js';
import { GENERATED_PATH, renderClientSchema, serverOpenApiDocument } from '../../../scripts/openapi-contract.mjs';

const committed = fileURLToPath(new URL(`../../../${GENERATED_PATH}`, import.meta.url));
/** Set by `npm run openapi`: write the file instead of comparing. */
const write = process.env.HOURGLASS_WRITE_OPENAPI === '1';

describe("the web app's generated API types", () => {
  it('match the current server: a changed route schema needs `npm run openapi`', async () => {
    const document = await serverOpenApiDocument({ ...server, loadShippedCatalog } as Parameters<typeof serverOpenApiDocument>[0]);
    const expected = await renderClientSchema(document);
    if (write) {
      writeFileSync(committed, expected);
      console.log(`wrote ${GENERATED_PATH}`);
      return;
    }
    const actual = readFileSync(committed, 'utf8');
    if (actual !== expected) {
      const a = actual.split('\n');
      const e = expected.split('\n');
      const line = e.findIndex((text, i) => text !== a[i]);
      expect.fail(
        `${GENERATED_PATH} is out of date with the server's route schemas: run npm run openapi and commit the result. ` +
          `First difference at line ${line + 1}: committed ${JSON.stringify(a[line] ?? '<end of file>')}, server ${JSON.stringify(e[line] ?? '<end of file>')}.`,
      );
    }
  });
});
