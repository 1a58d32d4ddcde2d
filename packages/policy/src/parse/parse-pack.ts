/**
 * Reads a pack file's text: YAML syntax, then shape (Zod), then cross-references, reporting every
 * problem with its path, line and column; compiles the pack when there are none.
 */
import { parseInstant } from '@hourglass/engine';
import { LineCounter, parseDocument } from 'yaml';
import { resolveVersions } from '../check/inherit.js';
import { readPartialPack } from '../check/partial.js';
import { checkVersion } from '../check/version.js';
import { CompiledPack } from '../compiled/pack.js';
import { CompiledPackVersion } from '../compiled/version.js';
import type { Problem } from '../errors.js';
import { packSchema, type PackData } from '../schema/pack.js';
import { problemsFromIssues, type RawProblem } from './issues.js';
import { Locator } from './locate.js';
import { formatPath } from './paths.js';

export type ParseResult = { ok: true; pack: CompiledPack; data: PackData } | { ok: false; problems: Problem[] };

export function parsePack(text: string, file: string): ParseResult {
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

  const input = doc.toJS();
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
