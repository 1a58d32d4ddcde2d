/**
 * Reads a pack file's text: YAML syntax, then shape (Zod), then cross-references, reporting every
 * problem with its path, line and column; compiles the pack when there are none.
 */
import { parseInstant } from '@hourglass/engine';
import { LineCounter, parseDocument, visit, isPair, isSeq, isScalar, type Document } from 'yaml';
import { resolveVersions } from '../check/inherit.js';
import { readPartialPack } from '../check/partial.js';
import { checkVersion } from '../check/version.js';
import { CompiledPack } from '../compiled/pack.js';
import { CompiledPackVersion } from '../compiled/version.js';
import type { Problem } from '../errors.js';
import { packSchema, type PackData } from '../schema/pack.js';
import { problemsFromIssues, type RawProblem } from './issues.js';
import { exceededLimit, MAX_PACK_ALIASES, type PackLimit } from './limits.js';
import { Locator } from './locate.js';
import { formatPath } from './paths.js';

/** A failed read; `limit` says the text was refused for its size or shape before it was checked. */
export type ParseResult = { ok: true; pack: CompiledPack; data: PackData } | { ok: false; problems: Problem[]; limit?: PackLimit };

export function parsePack(text: string, file: string): ParseResult {
  const exceeded = exceededLimit(text);
  if (exceeded) {
    return { ok: false, limit: exceeded.limit, problems: [{ file, path: '', ...(exceeded.line ? { line: exceeded.line, column: 1 } : {}), message: exceeded.message }] };
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => {
        const pos = e.linePos?.[0];
        return { file, path: '', ...(pos ? { line: pos.line, column: pos.col } : {}), message: `YAML syntax: ${firstLine(e.message)}` };
      }),
    };
  }
  const locator = new Locator(doc, lines);
  const locate = (raw: RawProblem[]): Problem[] =>
    dedupe(raw).map((p) => ({ file, path: formatPath(p.path), ...locator.locate(p.path, p.key), message: p.message }));

  let input: unknown;
  try {
    input = doc.toJS({ maxAliasCount: MAX_PACK_ALIASES });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    // The YAML library refuses aliases that expand without bound (a "billion laughs" file).
    const alias = lastAlias(doc);
    return {
      ok: false,
      limit: 'aliases',
      problems: [
        {
          file,
          path: alias ? formatPath(alias.path) : '',
          ...(alias ? locator.locate(alias.path) : {}),
          message: `Aliases here expand to too many values (${error.message}); write the values out instead of nesting aliases.`,
        },
      ],
    };
  }
  const shaped = packSchema.safeParse(input);
  if (!shaped.success) {
    const problems = problemsFromIssues(shaped.error.issues);
    const partial = readPartialPack(input);
    if (partial) {
      checkVersionOrder(partial.pack, problems);
      for (const version of resolveVersions(partial.pack, partial.broken)) checkVersion(version, problems);
    }
    return { ok: false, problems: locate(problems) };
  }

  const data = shaped.data;
  const problems: RawProblem[] = [];
  const resolved = resolveVersions(data);
  checkVersionOrder(data, problems);
  for (const version of resolved) checkVersion(version, problems);
  if (problems.length > 0) return { ok: false, problems: locate(problems) };

  const versions = resolved.map((v) => new CompiledPackVersion(data.id, v.data, parseInstant(v.data.effective_from)));
  return { ok: true, data, pack: new CompiledPack(data.id, data.name, data.description, versions, file) };
}

/** The data path of the last alias in the document: in an alias bomb, the one that expands the most. */
function lastAlias(doc: Document): { path: (string | number)[] } | null {
  const found: { path: (string | number)[] }[] = [];
  visit(doc, {
    Alias(_key, _node, ancestors) {
      const path: (string | number)[] = [];
      for (let i = 0; i < ancestors.length; i++) {
        const node = ancestors[i];
        const next = ancestors[i + 1] ?? _node;
        if (isPair(node) && isScalar(node.key)) path.push(String(node.key.value));
        else if (isSeq(node)) path.push(node.items.indexOf(next as never));
      }
      found[0] = { path };
    },
  });
  return found[0] ?? null;
}

function checkVersionOrder(data: PackData, problems: RawProblem[]): void {
  const ids = new Set<string>();
  let previous = -Infinity;
  data.versions.forEach((v, i) => {
    if (v.id.startsWith('#') || !v.effective_from) return; // unreadable: its shape problem is reported
    if (ids.has(v.id)) problems.push({ path: ['versions', i, 'id'], message: `version "${v.id}" is defined twice; version ids must be unique` });
    ids.add(v.id);
    const at = parseInstant(v.effective_from);
    if (at <= previous) {
      problems.push({ path: ['versions', i, 'effective_from'], message: 'versions must be listed oldest first, each effective_from later than the one before' });
    }
    previous = at;
  });
}

function dedupe(problems: RawProblem[]): RawProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${formatPath(p.path)}\u0000${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
