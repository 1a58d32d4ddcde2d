import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { CATALOGS } from './catalogs.js';
import { LOCALES } from './locales.js';

type Node = { type: number; value?: string; options?: Record<string, { value: Node[] }>; children?: Node[] };

/** The ICU arguments of a message and their kinds (`count:plural`, `name:argument`), from its parsed form. */
function argumentsOf(text: string, locale: string): string[] {
  const found = new Set<string>();
  const walk = (nodes: Node[]) => {
    for (const node of nodes) {
      const kind = ({ 1: 'argument', 2: 'number', 3: 'date', 4: 'time', 5: 'select', 6: 'plural' } as Record<number, string>)[node.type];
      if (kind && node.value) found.add(`${node.value}:${kind === 'select' ? 'select' : kind === 'plural' ? 'plural' : 'value'}`);
      for (const option of Object.values(node.options ?? {})) walk(option.value);
      if (node.children) walk(node.children);
    }
  };
  walk(new IntlMessageFormat(text, locale, undefined, { ignoreTag: true }).getAst() as unknown as Node[]);
  return [...found].sort();
}

function pluralCategories(text: string, locale: string): string[][] {
  const out: string[][] = [];
  const walk = (nodes: Node[]) => {
    for (const node of nodes) {
      // Exact-number cases (`=0 {none yet}`) come on top of the language's categories.
      if (node.type === 6) out.push(Object.keys(node.options ?? {}).filter((key) => !key.startsWith('=')).sort());
      for (const option of Object.values(node.options ?? {})) walk(option.value);
    }
  };
  walk(new IntlMessageFormat(text, locale, undefined, { ignoreTag: true }).getAst() as unknown as Node[]);
  return out;
}

describe('the server catalogs', () => {
  const english = CATALOGS.en;

  it.each(LOCALES)('%s has exactly the ids of en, sorted', (locale) => {
    const ids = Object.keys(CATALOGS[locale]);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids)).toEqual(new Set(Object.keys(english)));
  });

  it.each(LOCALES.filter((l) => l !== 'en'))('%s uses the same ICU arguments as en in every message', (locale) => {
    const differing = Object.keys(english).filter((id) => argumentsOf(CATALOGS[locale][id]!, locale).join() !== argumentsOf(english[id]!, 'en').join());
    expect(differing).toEqual([]);
  });

  it.each(LOCALES.filter((l) => l !== 'en'))('%s is translated: no message other than names and codes is the English text', (locale) => {
    const same = Object.keys(english).filter((id) => CATALOGS[locale][id] === english[id]);
    // Subject lines made only of their parts (the number and subject; the provider and the change, worded
    // by another message), and words such as "Support"/"Webhook" spelt alike in German.
    const formatsOnly = ['email.subject.plain', 'email.publicReply.support', 'status-subscriptions.email.component.subject'];
    expect(same.filter((id) => !formatsOnly.includes(id))).toEqual([]);
  });

  it('gives every Russian plural the forms one, few, many and other', () => {
    const plurals = Object.values(CATALOGS.ru).flatMap((text) => pluralCategories(text, 'ru'));
    expect(plurals.length).toBeGreaterThan(0);
    for (const categories of plurals) expect(categories).toEqual(['few', 'many', 'one', 'other']);
  });
});
