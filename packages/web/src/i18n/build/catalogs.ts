/**
 * The web app's message catalogs as the build reads them: every `src/<feature>/messages/<locale>.json`
 * (a flat object, id → ICU MessageFormat string), merged per locale and compiled to ASTs, so the
 * browser formats messages without carrying a parser. Runs in Node (the Vite plugin, the tests).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { type MessageFormatElement, parse } from '@formatjs/icu-messageformat-parser';
import { LOCALES, type Locale } from '../locales.js';
import { type MessagePart, partOf } from '../parts.js';

export interface CatalogFile {
  /** The file's path, as errors name it. */
  path: string;
  locale: Locale;
  messages: Record<string, string>;
}

export type Catalog = Record<string, string>;
export type CompiledCatalog = Record<string, MessageFormatElement[]>;

const SKIPPED_DIRS = new Set(['node_modules', 'dist']);

/** The paths of every `messages/<locale>.json` under `dir`. */
export function findCatalogFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIPPED_DIRS.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findCatalogFiles(path));
    else if (basename(dir) === 'messages' && LOCALES.some((l) => `${l}.json` === entry.name)) found.push(path);
  }
  return found.sort();
}

/** One catalog file, checked to be a flat object of strings. */
export function readCatalogFile(path: string, root = ''): CatalogFile {
  const shown = root ? relative(root, path) : path;
  const locale = LOCALES.find((l) => path.endsWith(`${l}.json`));
  if (!locale) throw new Error(`${shown}: not a catalog of a known locale (${LOCALES.join(', ')})`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${shown}: not valid JSON (${(error as Error).message})`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(`${shown}: a catalog is a JSON object of message id → ICU message`);
  for (const [id, message] of Object.entries(parsed)) {
    if (typeof message !== 'string') throw new Error(`${shown}: message "${id}" is not a string`);
  }
  return { path: shown, locale, messages: parsed as Record<string, string> };
}

/** The files of one locale merged into one catalog; an id in two files is an error naming both. */
export function mergeCatalogs(files: readonly CatalogFile[]): Catalog {
  const merged: Catalog = {};
  const origin = new Map<string, string>();
  for (const file of files) {
    for (const [id, message] of Object.entries(file.messages)) {
      const first = origin.get(id);
      if (first !== undefined) throw new Error(`Message id "${id}" is defined twice: in ${first} and in ${file.path}`);
      origin.set(id, file.path);
      merged[id] = message;
    }
  }
  return merged;
}

/** Every message parsed to its AST; a message that is not valid ICU is an error naming its id. */
export function compileCatalog(catalog: Catalog, where: string): CompiledCatalog {
  const compiled: CompiledCatalog = {};
  for (const id of Object.keys(catalog).sort()) {
    try {
      compiled[id] = parse(catalog[id]!);
    } catch (error) {
      throw new Error(`${where}: message "${id}" is not valid ICU MessageFormat (${(error as Error).message})`);
    }
  }
  return compiled;
}

/**
 * The source catalogs of every locale under `srcDir`, merged (not compiled); with `part`, only the
 * messages of that part (see ../parts.ts). Ids are checked for duplicates across all files either way.
 */
export function loadCatalogs(srcDir: string, root = srcDir, part?: MessagePart): Record<Locale, Catalog> {
  const all = findCatalogFiles(srcDir).map((path) => readCatalogFile(path, root));
  for (const locale of LOCALES) mergeCatalogs(all.filter((f) => f.locale === locale));
  const files = part === undefined ? all : all.map((f) => ({ ...f, messages: partMessages(f, relative(srcDir, resolve(root, f.path)), part) }));
  return Object.fromEntries(LOCALES.map((locale) => [locale, mergeCatalogs(files.filter((f) => f.locale === locale))])) as Record<Locale, Catalog>;
}

/** The messages of `file` (at `pathUnderSrc`) in `part`. */
function partMessages(file: CatalogFile, pathUnderSrc: string, part: MessagePart): Record<string, string> {
  return Object.fromEntries(Object.entries(file.messages).filter(([id]) => partOf(pathUnderSrc, id) === part));
}
