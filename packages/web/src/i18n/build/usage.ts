/**
 * Which message ids the web app's code names. Ids are written out whole, as string literals
 * (`intl.formatMessage({ id: 'tickets.queue.title' })`, `<FormattedMessage id="…" />`, or a table of
 * ids), so the catalog test can find every one: an id the code names must exist, and an id no code
 * names is dead.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const SOURCE = /\.(ts|tsx)$/;
const SKIPPED = /\.test\.tsx?$|\.d\.ts$/;
/** A quoted literal shaped like a message id: at least three lowerCamel segments. */
const ID_LITERAL = /(['"`])([a-z][a-zA-Z0-9]*(?:\.[a-zA-Z0-9]+){2,})\1/g;
/** An id given to react-intl: `id: '…'` or `id="…"` (HTML ids have no dots). */
const ID_REFERENCE = /\bid(?::\s*|=)(['"])([a-z][a-zA-Z0-9]*(?:\.[a-zA-Z0-9]+){2,})\1/g;

export interface SourceIds {
  /** Every id-shaped literal, with the files it appears in. */
  literals: Map<string, string[]>;
  /** Ids handed to react-intl as `id`, with the files naming them. */
  references: Map<string, string[]>;
}

function sourceFiles(dir: string, skipDirs: readonly string[]): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!skipDirs.includes(path) && entry.name !== 'messages') files.push(...sourceFiles(path, skipDirs));
    } else if (SOURCE.test(entry.name) && !SKIPPED.test(entry.name)) files.push(path);
  }
  return files;
}

function add(map: Map<string, string[]>, id: string, file: string): void {
  const files = map.get(id) ?? [];
  if (!files.includes(file)) files.push(file);
  map.set(id, files);
}

/** The ids named in the sources under `srcDir` (folders in `skipDirs` left out). */
export function sourceIds(srcDir: string, skipDirs: readonly string[] = []): SourceIds {
  const literals = new Map<string, string[]>();
  const references = new Map<string, string[]>();
  for (const path of sourceFiles(srcDir, skipDirs)) {
    // Examples in comments are no use of an id.
    const text = readFileSync(path, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    const file = relative(srcDir, path);
    for (const match of text.matchAll(ID_LITERAL)) add(literals, match[2]!, file);
    for (const match of text.matchAll(ID_REFERENCE)) add(references, match[2]!, file);
  }
  return { literals, references };
}
