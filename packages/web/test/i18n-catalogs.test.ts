/**
 * The catalogs stay whole: the web app's (every `src/<feature>/messages/<locale>.json`) and the
 * server's (`packages/server/src/i18n/messages/<locale>.json`) have the same ids in every locale,
 * with the same ICU arguments, complete plurals for each language, sorted keys; and the web app's
 * code names only ids that exist, and every id is named somewhere.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findCatalogFiles, loadCatalogs, readCatalogFile } from '../src/i18n/build/catalogs.js';
import { argumentsOf, catalogProblems, unsortedKeys } from '../src/i18n/build/check.js';
import { sourceIds } from '../src/i18n/build/usage.js';
import { LOCALES } from '../src/i18n/locales.js';
import { MESSAGE_PARTS, type MessagePart } from '../src/i18n/parts.js';
import { parse } from '@formatjs/icu-messageformat-parser';

const WEB_SRC = resolve(fileURLToPath(new URL('.', import.meta.url)), '../src');
const SERVER_MESSAGES = resolve(WEB_SRC, '../../server/src/i18n/messages');
/** The rules shared with the service name their verdicts by message id (`intake.sid.length`). */
const RULES_SRC = resolve(WEB_SRC, '../../rules/src');

describe('the catalog checks', () => {
  it('find missing and extra ids, changed arguments and incomplete plurals', () => {
    const problems = catalogProblems({
      en: { 'a.b.count': '{count, plural, one {# ticket} other {# tickets}}', 'a.b.name': 'Hello {name}', 'a.b.gone': 'Gone' },
      ru: { 'a.b.count': '{count, plural, one {# обращение} other {# обращений}}', 'a.b.name': 'Привет {person}', 'a.b.extra': 'Лишнее' },
      de: { 'a.b.count': '{count, plural, one {# Ticket} few {# Tickets} other {# Tickets}}', 'a.b.name': 'Hallo {name, number}', 'a.b.gone': 'Weg {' },
    });
    expect(problems).toEqual([
      'ru: "a.b.gone" is missing',
      'ru a.b.count: plural {count} lacks few, many (ru uses few, many, one, other)',
      'ru a.b.name: arguments {person: text}, but en has {name: text}',
      'ru: "a.b.extra" is not in en',
      'de a.b.count: plural {count} has few, which de never uses',
      'de a.b.name: arguments {name: number}, but en has {name: text}',
      expect.stringMatching(/^de a\.b\.gone: not valid ICU MessageFormat/),
    ]);
  });

  it('read arguments inside plural and select branches, and selects need other', () => {
    expect(Object.fromEntries([...argumentsOf(parse('{n, plural, one {# by {who}} other {# by {who} at {at, date}}}'))].map(([k, v]) => [k, [...v]]))).toEqual({
      n: ['plural'],
      who: ['text'],
      at: ['date'],
    });
    expect(catalogProblems({ en: { 'a.b.c': '{kind, select, x {X}}' } })).toEqual([expect.stringContaining('en a.b.c: not valid ICU MessageFormat (MISSING_OTHER_CLAUSE)')]);
    expect(unsortedKeys({ 'a.b.b': '', 'a.b.a': '' })).toBe('"a.b.a" comes after "a.b.b"');
  });

  it('take exact branches for a category that holds only those numbers', () => {
    const en = '{n, plural, =1 {one file} other {# files}}';
    expect(catalogProblems({ en: { 'a.b.c': en }, 'pt-BR': { 'a.b.c': '{n, plural, =1 {um arquivo} other {# arquivos}}' } })).toEqual([
      'pt-BR a.b.c: plural {n} lacks many, one (pt-BR uses many, one, other)',
    ]);
    expect(catalogProblems({ en: { 'a.b.c': en }, 'pt-BR': { 'a.b.c': '{n, plural, =0 {nenhum} =1 {um arquivo} many {# de arquivos} other {# arquivos}}' } })).toEqual([]);
  });

  it('refuse an id defined in two files, naming both', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hourglass-catalogs-'));
    try {
      for (const feature of ['tickets', 'accounts']) {
        mkdirSync(join(dir, feature, 'messages'), { recursive: true });
        writeFileSync(join(dir, feature, 'messages', 'en.json'), JSON.stringify({ 'shared.x.title': 'Title' }));
      }
      expect(() => loadCatalogs(dir)).toThrow('Message id "shared.x.title" is defined twice: in accounts/messages/en.json and in tickets/messages/en.json');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the web app's catalogs", () => {
  const catalogs = loadCatalogs(WEB_SRC);

  it('have every English id in every locale, with the same arguments and complete plurals', () => {
    expect(Object.keys(catalogs.en).length).toBeGreaterThan(0);
    expect(catalogProblems(catalogs)).toEqual([]);
  });

  it('are flat, sorted files beside their feature, one per locale', () => {
    const files = findCatalogFiles(WEB_SRC);
    const problems: string[] = [];
    const folders = new Set(files.map((f) => resolve(f, '..')));
    for (const folder of folders) {
      const present = readdirSync(folder).filter((name) => name.endsWith('.json'));
      for (const locale of LOCALES) if (!present.includes(`${locale}.json`)) problems.push(`${folder}: no ${locale}.json`);
      for (const name of present) if (!LOCALES.some((l) => `${l}.json` === name)) problems.push(`${folder}/${name}: not a locale of the desk`);
    }
    for (const file of files) {
      const unsorted = unsortedKeys(readCatalogFile(file, WEB_SRC).messages);
      if (unsorted) problems.push(`${file}: keys not sorted (${unsorted})`);
    }
    expect(problems).toEqual([]);
  });

  it('name every id the code uses, and every id is used', () => {
    const { literals, references } = sourceIds(WEB_SRC, [join(WEB_SRC, 'i18n', 'build')]);
    if (existsSync(RULES_SRC)) for (const [id, files] of sourceIds(RULES_SRC).literals) literals.set(id, files);
    const unknown = [...references].filter(([id]) => !(id in catalogs.en)).map(([id, files]) => `${id} (in ${files.join(', ')})`);
    const unused = Object.keys(catalogs.en).filter((id) => !literals.has(id));
    expect(unknown, 'ids named in the code but missing from the en catalogs').toEqual([]);
    expect(unused, 'ids in the en catalogs that no code names').toEqual([]);
  });
});

describe('the parts of the catalogs', () => {
  const all = loadCatalogs(WEB_SRC).en;
  const parts = Object.fromEntries(MESSAGE_PARTS.map((part) => [part, loadCatalogs(WEB_SRC, WEB_SRC, part).en])) as Record<MessagePart, Record<string, string>>;
  /** The ids the shared rules name (their verdicts), which the modules importing them show. */
  const rulesIds = existsSync(RULES_SRC) ? [...sourceIds(RULES_SRC).literals.keys()].filter((id) => id in all) : [];

  /**
   * Each area of the app: the modules it loads (its entries and what they import, up to the next
   * `import()`, which brings its own parts) and the parts of the catalogs loaded with them
   * (app/App.tsx, app/PortalRoutes.tsx).
   */
  const AREAS: { name: string; entries: string[]; parts: MessagePart[] }[] = [
    { name: "the portal's first page", entries: ['main.tsx', 'app/PortalRoutes.tsx'], parts: ['common'] },
    { name: "a ticket's pages in the portal", entries: ['tickets/NewTicketPage.tsx', 'tickets/TicketPage.tsx'], parts: ['common', 'ticket'] },
    { name: "the portal's other pages", entries: ['availability/PortalAvailabilityPage.tsx', 'status-subscriptions/StatusSubscriptionPage.tsx'], parts: ['common'] },
    { name: 'the console', entries: ['app/ConsoleRoutes.tsx'], parts: ['common', 'ticket', 'staff'] },
    { name: 'the admin pages', entries: ['app/AdminRoutes.tsx'], parts: ['common', 'staff'] },
  ];

  it('hold every text once', () => {
    const sizes = MESSAGE_PARTS.map((part) => Object.keys(parts[part]).length);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(Object.keys(all).length);
  });

  it.each(AREAS.map((area) => [area.name, area] as const))('give %s every text its modules name', (_, { entries, parts: loaded }) => {
    const available = new Set(loaded.flatMap((part) => Object.keys(parts[part])));
    const problems: string[] = [];
    for (const file of reachable(entries, { dynamic: false })) {
      const text = readFileSync(join(WEB_SRC, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
      const named = [...text.matchAll(/(['"`])([a-z][a-zA-Z0-9]*(?:\.[a-zA-Z0-9]+){2,})\1/g)].map((match) => match[2]!);
      if (text.includes("from '@hourglass/rules'")) named.push(...rulesIds);
      for (const id of named) if (id in all && !available.has(id)) problems.push(`${file}: ${id}`);
    }
    expect(problems, `texts named by modules of this area but not in the parts it loads (${loaded.join(', ')})`).toEqual([]);
  });

  it('cover every module the app can load', () => {
    const covered = new Set(AREAS.flatMap(({ entries }) => reachable(entries, { dynamic: false })));
    const loadable = reachable(['main.tsx'], { dynamic: true });
    expect(loadable).toContain('tickets/TicketListPage.tsx');
    expect(loadable.filter((file) => !covered.has(file))).toEqual([]);
  });
});

/** The modules under src/ that `entries` import, directly or not (type-only imports left out; `import()` only if `dynamic`). */
function reachable(entries: readonly string[], { dynamic }: { dynamic: boolean }): string[] {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(join(WEB_SRC, file), 'utf8');
    for (const match of text.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+'(\.[^']+)\.js'|import\('(\.[^']+)\.js'\)/gm)) {
      if (match[2] !== undefined && !dynamic) continue;
      const spec = match[1] ?? match[2]!;
      const base = resolve(join(WEB_SRC, file, '..'), spec);
      const found = ['.ts', '.tsx'].map((ext) => base + ext).find((path) => existsSync(path));
      if (found) queue.push(relative(WEB_SRC, found));
    }
  }
  return [...seen];
}

describe.runIf(existsSync(join(SERVER_MESSAGES, 'en.json')))("the server's catalogs", () => {
  // The desk's catalogs, and each feature's own folder of them (`messages/<feature>/<locale>.json`).
  const folders = [SERVER_MESSAGES, ...readdirSync(SERVER_MESSAGES, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => join(SERVER_MESSAGES, e.name))];
  it.each(folders.map((folder) => [relative(SERVER_MESSAGES, folder) || '.', folder]))('%s: have every English id in every locale, with the same arguments, complete plurals, keys sorted', (_name, folder) => {
    const catalogs = Object.fromEntries(LOCALES.map((locale) => [locale, readCatalogFile(join(folder, `${locale}.json`)).messages]));
    const unsorted = LOCALES.map((locale) => [locale, unsortedKeys(catalogs[locale]!)]).filter(([, problem]) => problem !== null);
    // The server formats plain text: `<token>` is text there, not a tag.
    expect(catalogProblems(catalogs, { ignoreTag: true })).toEqual([]);
    expect(unsorted).toEqual([]);
  });
});
