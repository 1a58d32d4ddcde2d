/**
 * Finds where a data path sits in the YAML text, so a problem can name its line and column. When
 * the exact node does not exist (a missing key), the nearest existing parent is used.
 */
import { isMap, isNode, isPair, isScalar, isSeq, LineCounter, type Document, type Node } from 'yaml';
import type { DataPath } from './paths.js';

export interface Position {
  line: number;
  column: number;
}

export class Locator {
  constructor(
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  /** The position of the node at `path`, or of its nearest ancestor; `key` points at that key of a map instead. */
  locate(path: DataPath, key?: string): Position | undefined {
    let node: unknown = this.doc.contents;
    for (const part of path) {
      const next = child(node, part);
      if (next === undefined) break;
      node = next;
    }
    if (key !== undefined && isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
      if (pair && isNode(pair.key)) return this.position(pair.key);
    }
    return isNode(node) ? this.position(node) : undefined;
  }

  private position(node: Node): Position | undefined {
    const offset = node.range?.[0];
    if (offset === undefined) return undefined;
    const { line, col } = this.lines.linePos(offset);
    return { line, column: col };
  }
}

function child(node: unknown, part: string | number): unknown {
  if (isSeq(node) && typeof part === 'number') return node.items[part];
  if (isMap(node)) {
    const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(part));
    return pair?.value ?? undefined;
  }
  return undefined;
}
