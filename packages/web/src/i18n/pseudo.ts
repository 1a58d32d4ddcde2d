/**
 * The pseudo-locale's messages, made from the English ones: every literal text accented, and each
 * message bracketed and lengthened by a third (translations run longer than English), while
 * arguments, plurals, selects and tags stay as they are. `Tickets {count}` → `[Ťíçķéţš {count} one two]`.
 */
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { TYPE } from '@formatjs/icu-messageformat-parser';

const ACCENTS: Readonly<Record<string, string>> = {
  a: 'á', b: 'ƀ', c: 'ç', d: 'ð', e: 'é', f: 'ƒ', g: 'ĝ', h: 'ĥ', i: 'í', j: 'ĵ', k: 'ķ', l: 'ļ', m: 'ɱ',
  n: 'ñ', o: 'ó', p: 'þ', q: 'ǫ', r: 'ŕ', s: 'š', t: 'ţ', u: 'ú', v: 'ṽ', w: 'ŵ', x: 'ẋ', y: 'ý', z: 'ž',
  A: 'Á', B: 'Ɓ', C: 'Ç', D: 'Ð', E: 'É', F: 'Ƒ', G: 'Ĝ', H: 'Ĥ', I: 'Í', J: 'Ĵ', K: 'Ķ', L: 'Ļ', M: 'Ṁ',
  N: 'Ñ', O: 'Ó', P: 'Þ', Q: 'Ǫ', R: 'Ŕ', S: 'Š', T: 'Ť', U: 'Ú', V: 'Ṽ', W: 'Ŵ', X: 'Ẋ', Y: 'Ý', Z: 'Ž',
};

const PADDING = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

export function accent(text: string): string {
  let out = '';
  for (const char of text) out += ACCENTS[char] ?? char;
  return out;
}

/** Words added so a message is about a third longer (`one two` for a ten-letter text). */
export function padding(length: number): string {
  const words: string[] = [];
  let added = 0;
  for (let i = 0; added < Math.ceil(length / 3) && i < 50; i++) {
    const word = PADDING[i % PADDING.length]!;
    words.push(word);
    added += word.length + 1;
  }
  return words.join(' ');
}

function literalLength(elements: readonly MessageFormatElement[]): number {
  let length = 0;
  for (const element of elements) {
    if (element.type === TYPE.literal) length += element.value.length;
    else if (element.type === TYPE.tag) length += literalLength(element.children);
    else if (element.type === TYPE.plural || element.type === TYPE.select) length += Math.max(0, ...Object.values(element.options).map((o) => literalLength(o.value)));
  }
  return length;
}

function accentElements(elements: readonly MessageFormatElement[]): MessageFormatElement[] {
  return elements.map((element): MessageFormatElement => {
    switch (element.type) {
      case TYPE.literal:
        return { ...element, value: accent(element.value) };
      case TYPE.plural:
      case TYPE.select:
        return {
          ...element,
          options: Object.fromEntries(Object.entries(element.options).map(([key, option]) => [key, { ...option, value: accentElements(option.value) }])),
        } as MessageFormatElement;
      case TYPE.tag:
        return { ...element, children: accentElements(element.children) };
      default:
        return element;
    }
  });
}

/** One message of the pseudo-locale, from its English AST. */
export function pseudoMessage(english: readonly MessageFormatElement[]): MessageFormatElement[] {
  const length = literalLength(english);
  const pad = length > 2 ? ` ${padding(length)}` : '';
  return [{ type: TYPE.literal, value: '[' }, ...accentElements(english), { type: TYPE.literal, value: `${pad}]` }];
}

/** The whole pseudo-locale catalog. */
export function pseudoCatalog(english: Readonly<Record<string, readonly MessageFormatElement[]>>): Record<string, MessageFormatElement[]> {
  return Object.fromEntries(Object.entries(english).map(([id, ast]) => [id, pseudoMessage(ast)]));
}
