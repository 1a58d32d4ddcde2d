/**
 * What keeps the catalogs whole: every locale has exactly the English ids, each message with the
 * same ICU arguments of the same kinds, plurals with a branch for every plural category of the
 * locale's language (and none it never chooses), selects with `other`, keys sorted. Each problem is
 * one readable line. Used by the catalog test for the web app's catalogs and the server's.
 */
import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';

export type Catalogs = Record<string, Record<string, string>>;

const KIND: Partial<Record<TYPE, string>> = {
  [TYPE.argument]: 'text',
  [TYPE.number]: 'number',
  [TYPE.date]: 'date',
  [TYPE.time]: 'time',
  [TYPE.select]: 'select',
  [TYPE.plural]: 'plural',
  [TYPE.tag]: 'tag',
};

/** The arguments of a message and their kinds: `{ count: 'plural', name: 'text' }`. */
export function argumentsOf(ast: readonly MessageFormatElement[], into: Map<string, Set<string>> = new Map()): Map<string, Set<string>> {
  for (const element of ast) {
    const kind = KIND[element.type];
    if (kind && 'value' in element && typeof element.value === 'string') {
      const kinds = into.get(element.value) ?? new Set<string>();
      kinds.add(element.type === TYPE.plural && element.pluralType === 'ordinal' ? 'selectordinal' : kind);
      into.set(element.value, kinds);
    }
    if (element.type === TYPE.plural || element.type === TYPE.select) for (const option of Object.values(element.options)) argumentsOf(option.value, into);
    if (element.type === TYPE.tag) argumentsOf(element.children, into);
  }
  return into;
}

function describeArguments(args: Map<string, Set<string>>): string {
  const parts = [...args.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, kinds]) => `${name}: ${[...kinds].sort().join('|')}`);
  return parts.length > 0 ? `{${parts.join(', ')}}` : 'no arguments';
}

/** Whole numbers a count may take: the small ones, and the round large ones some languages treat apart. */
const SAMPLE_COUNTS = [...Array.from({ length: 1001 }, (_, i) => i), 1_000_000, 2_000_000, 1_000_000_000];

/**
 * The plural categories a message must have a branch for: every category of the language, except
 * one whose whole numbers all have exact branches (`=1` stands for English `one`, which is only 1).
 */
function requiredCategories(rules: Intl.PluralRules, exact: ReadonlySet<number>): string[] {
  const categories = rules.resolvedOptions().pluralCategories as string[];
  return categories.filter((category) => {
    if (category === 'other') return true;
    const counts = SAMPLE_COUNTS.filter((n) => rules.select(n) === category);
    return counts.length === 0 || !counts.every((n) => exact.has(n));
  });
}

/** Plural and select branches against the categories of `locale`'s language. */
function branchProblems(ast: readonly MessageFormatElement[], locale: string, where: string): string[] {
  const problems: string[] = [];
  for (const element of ast) {
    if (element.type === TYPE.plural) {
      const rules = new Intl.PluralRules(locale, { type: element.pluralType ?? 'cardinal' });
      const categories = rules.resolvedOptions().pluralCategories as string[];
      const keys = Object.keys(element.options);
      const exact = new Set(keys.filter((k) => k.startsWith('=')).map((k) => Number(k.slice(1))));
      const missing = requiredCategories(rules, exact).filter((c) => !keys.includes(c));
      const unused = keys.filter((k) => !k.startsWith('=') && !categories.includes(k));
      if (missing.length > 0) problems.push(`${where}: plural {${element.value}} lacks ${missing.join(', ')} (${locale} uses ${categories.join(', ')})`);
      if (unused.length > 0) problems.push(`${where}: plural {${element.value}} has ${unused.join(', ')}, which ${locale} never uses`);
    }
    if (element.type === TYPE.select && !('other' in element.options)) problems.push(`${where}: select {${element.value}} has no other branch`);
    if (element.type === TYPE.plural || element.type === TYPE.select) for (const option of Object.values(element.options)) problems.push(...branchProblems(option.value, locale, where));
    if (element.type === TYPE.tag) problems.push(...branchProblems(element.children, locale, where));
  }
  return problems;
}

export interface CheckOptions {
  /** The locale every other is checked against. */
  source?: string;
  /** Read `<…>` as text, not as tags (the server formats plain text this way). */
  ignoreTag?: boolean;
  /** Check plural branches against each language's categories (default true). */
  plurals?: boolean;
}

function parsed(message: string, where: string, problems: string[], ignoreTag: boolean): MessageFormatElement[] | null {
  try {
    return parse(message, { ignoreTag });
  } catch (error) {
    problems.push(`${where}: not valid ICU MessageFormat (${(error as Error).message})`);
    return null;
  }
}

/** Every locale against the source locale: ids, arguments, plural branches. */
export function catalogProblems(catalogs: Catalogs, options: CheckOptions = {}): string[] {
  const { source = 'en', ignoreTag = false, plurals = true } = options;
  const problems: string[] = [];
  const english = catalogs[source];
  if (!english) return [`no ${source} catalog`];
  const englishArgs = new Map<string, string>();
  for (const [id, message] of Object.entries(english)) {
    const ast = parsed(message, `${source} ${id}`, problems, ignoreTag);
    if (!ast) continue;
    englishArgs.set(id, describeArguments(argumentsOf(ast)));
    if (plurals) problems.push(...branchProblems(ast, source, `${source} ${id}`));
  }
  for (const [locale, catalog] of Object.entries(catalogs)) {
    if (locale === source) continue;
    for (const id of Object.keys(english)) if (!(id in catalog)) problems.push(`${locale}: "${id}" is missing`);
    for (const [id, message] of Object.entries(catalog)) {
      if (!(id in english)) {
        problems.push(`${locale}: "${id}" is not in ${source}`);
        continue;
      }
      const ast = parsed(message, `${locale} ${id}`, problems, ignoreTag);
      if (!ast) continue;
      const args = describeArguments(argumentsOf(ast));
      if (englishArgs.has(id) && args !== englishArgs.get(id)) problems.push(`${locale} ${id}: arguments ${args}, but ${source} has ${englishArgs.get(id)}`);
      if (plurals) problems.push(...branchProblems(ast, locale, `${locale} ${id}`));
    }
  }
  return problems;
}

/** A catalog file whose keys are not in sorted order (the convention keeps diffs small). */
export function unsortedKeys(messages: Record<string, string>): string | null {
  const keys = Object.keys(messages);
  const index = keys.findIndex((key, i) => i > 0 && keys[i - 1]! > key);
  return index === -1 ? null : `"${keys[index]}" comes after "${keys[index - 1]}"`;
}
