/** Paths inside pack data, as problems print them: `versions[0].plans[1].targets.first_response.P1`. */
export type DataPath = readonly (string | number)[];

export function formatPath(path: DataPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out;
}

/** Parses a printed path back into its parts (the engine reports calendar problems as strings). */
export function parsePath(text: string): (string | number)[] {
  const parts: (string | number)[] = [];
  for (const match of text.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (match[2] !== undefined) parts.push(Number(match[2]));
    else if (match[1] !== undefined) parts.push(match[1]);
  }
  return parts;
}
