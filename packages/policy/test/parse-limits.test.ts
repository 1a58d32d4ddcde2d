import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { parsePack, shippedPacksDir } from '@hourglass/policy';
import { MAX_PACK_BYTES, MAX_PACK_DEPTH, MAX_PACK_NODES } from '../src/parse/limits.js';
import { MINIMAL } from './fixtures.js';

/** A 10-level "billion laughs" file: 10^10 values once every alias is expanded. */
function aliasBomb(levels = 10): string {
  const lines = ['id: bomb', `a0: &a0 [${Array(10).fill('lol').join(', ')}]`];
  for (let i = 1; i < levels; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\n`;
}

function refused(text: string) {
  const started = performance.now();
  const result = parsePack(text, 'hostile.yaml');
  const ms = performance.now() - started;
  if (result.ok) throw new Error('expected the text to be refused');
  return { ...result, ms };
}

describe('parsePack bounds its work', () => {
  it('refuses an alias bomb with the file, the path of the alias and the reason, without throwing', () => {
    const result = refused(aliasBomb());
    expect(result.limit).toBe('aliases');
    expect(result.problems).toHaveLength(1);
    const [problem] = result.problems;
    expect(problem).toMatchObject({ file: 'hostile.yaml', path: 'a9[9]', line: 11 });
    expect(problem!.message).toMatch(/aliases .*expand to too many values/i);
  });

  it('refuses text over the size limit before parsing it, naming the limit', () => {
    const result = refused('['.repeat(500_000));
    expect(result.limit).toBe('size');
    expect(result.problems[0]!.message).toContain(`${MAX_PACK_BYTES / 1024} KiB`);
    // Nothing was parsed: the answer takes no parser time (the parser needs seconds for this text).
    expect(result.ms).toBeLessThan(250);
  });

  it('counts the size in UTF-8 bytes', () => {
    const text = `id: x\nname: "${'é'.repeat(MAX_PACK_BYTES / 2)}"\n`;
    expect(text.length).toBeLessThan(MAX_PACK_BYTES);
    expect(refused(text).limit).toBe('size');
  });

  it('refuses deep nesting, in flow and in compact block style, at its line', () => {
    const flow = refused(`id: x\nname: deep\nversions: ${'['.repeat(MAX_PACK_DEPTH + 1)}`);
    expect(flow).toMatchObject({ limit: 'depth', problems: [expect.objectContaining({ line: 3, path: '' })] });
    expect(flow.problems[0]!.message).toContain(`${MAX_PACK_DEPTH} levels`);
    expect(refused(`id: x\nv:\n  ${'- '.repeat(MAX_PACK_DEPTH + 1)}x\n`)).toMatchObject({ limit: 'depth', problems: [expect.objectContaining({ line: 3 })] });
  });

  it('refuses a flat file with too many values', () => {
    const text = Array.from({ length: MAX_PACK_NODES }, (_, i) => `k${i}: 1`).join('\n');
    expect(Buffer.byteLength(text)).toBeLessThan(MAX_PACK_BYTES);
    expect(refused(text).limit).toBe('nodes');
  });

  it('does not count what quoted and block scalars hold', () => {
    const text = MINIMAL.replace(/^name: .*$/m, `name: "${'['.repeat(100)} - - - - {"\ndescription: |\n  ${'[ '.repeat(100)}\n  ${'- '.repeat(100)}`);
    expect(text).not.toBe(MINIMAL);
    const result = parsePack(text, 'pack.yaml');
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('accepts every shipped pack well within the bounds', async () => {
    for (const name of ['twilio', '360dialog', 'exotel']) {
      const text = await readFile(`${shippedPacksDir()}/${name}.yaml`, 'utf8');
      expect(Buffer.byteLength(text) * 4).toBeLessThan(MAX_PACK_BYTES);
      expect(parsePack(text, `${name}.yaml`).ok).toBe(true);
    }
  });
});
