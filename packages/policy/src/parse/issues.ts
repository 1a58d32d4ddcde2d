/** Turns Zod's issues into plain-words problems at data paths. */
import type * as z from 'zod';
import type { DataPath } from './paths.js';

export interface RawProblem {
  path: DataPath;
  /** For an unknown key: the key itself, so the position can point at it. */
  key?: string;
  message: string;
}

type Issue = z.core.$ZodIssue;

export function problemsFromIssues(issues: readonly Issue[], base: DataPath = []): RawProblem[] {
  const out: RawProblem[] = [];
  for (const issue of issues) collect(issue, base, out);
  return out;
}

function collect(issue: Issue, base: DataPath, out: RawProblem[]): void {
  const path = [...base, ...(issue.path as (string | number)[])];
  switch (issue.code) {
    case 'unrecognized_keys':
      for (const key of issue.keys) out.push({ path: [...path, key], key, message: `unknown key "${key}"; ${issue.message}` });
      return;
    case 'invalid_union': {
      const branch = bestBranch(issue.errors);
      if (branch) {
        for (const inner of branch) collect(inner, path, out);
        return;
      }
      out.push({ path, message: issue.message });
      return;
    }
    case 'invalid_type': {
      const last = path[path.length - 1];
      if (/received undefined/.test(issue.message)) {
        out.push({ path, message: `"${String(last)}" is missing; add it (${issue.expected})` });
      } else {
        out.push({ path, message: `expected ${describe(issue.expected)}${receivedOf(issue.message)}` });
      }
      return;
    }
    default:
      out.push({ path, message: issue.message });
  }
}

/** The union branch that got furthest: its issues are deepest and not about the value's type. */
function bestBranch(branches: readonly (readonly Issue[])[]): readonly Issue[] | undefined {
  let best: readonly Issue[] | undefined;
  let bestScore = -1;
  for (const issues of branches) {
    const typeMiss = issues.some((i) => i.code === 'invalid_type' && i.path.length === 0);
    if (typeMiss) continue;
    const score = Math.max(0, ...issues.map((i) => i.path.length)) + 1;
    if (score > bestScore) {
      best = issues;
      bestScore = score;
    }
  }
  return best;
}

function describe(expected: string): string {
  if (expected === 'object') return 'a mapping (key: value lines)';
  if (expected === 'array') return 'a list (lines starting with "- ")';
  return `a ${expected}`;
}

function receivedOf(message: string): string {
  const match = /received (\w+)/.exec(message);
  return match ? `, got ${match[1] === 'array' ? 'a list' : match[1] === 'object' ? 'a mapping' : `a ${match[1]}`}` : '';
}
