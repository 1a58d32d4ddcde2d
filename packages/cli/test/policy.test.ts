import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../src/commands/policy-validate/index.js';
import { run } from './support/run.js';

const packs = fileURLToPath(new URL('../../policy/packs/', import.meta.url));
const twilio = path.join(packs, 'twilio.yaml');
const dir = mkdtempSync(path.join(tmpdir(), 'hourglass-cli-'));

function file(name: string, text: string): string {
  const where = path.join(dir, name);
  writeFileSync(where, text);
  return where;
}

describe('hourglass policy validate', () => {
  it('prints a one-line summary for each valid file and exits 0', async () => {
    const r = await run(['policy', 'validate', twilio, path.join(packs, 'exotel.yaml')]);
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(`${twilio}: ok, pack twilio (Twilio): versions 2020-01, 2025-04; plans free, bootstrap, premium, personalized; calendars twilio-business-hours, 24x7`);
    expect(lines[1]).toMatch(/exotel\.yaml: ok, pack exotel .*plans enterprise, sme; calendars 24x7, exotel-sme/);
  });

  it('prints every problem as FILE:LINE:COL path: message and exits 1', async () => {
    const broken = readFileSync(twilio, 'utf8')
      .replace('effective_from: 2025-04-01T00:00:00-07:00', 'effective_from: someday')
      .replace('effective_from: 2020-01-01T00:00:00Z', 'effective_from: never');
    const where = file('broken.yaml', broken);
    const r = await run(['policy', 'validate', where]);
    expect(r.code).toBe(1);
    const lines = r.out.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) expect(line).toMatch(new RegExp(`^${where.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+ \\S+: .+`));
    expect(r.out).toMatch(/:\d+:\d+ versions\[1\]\.effective_from: .*someday/);
    expect(r.out).toMatch(/:\d+:\d+ versions\[0\]\.effective_from: .*never/);
    expect(r.err).toMatch(/\d+ problems?/);
  });

  it('reports YAML syntax errors with their place', async () => {
    const r = await run(['policy', 'validate', file('syntax.yaml', 'id: [oops\n')]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/syntax\.yaml:\d+:\d+/);
  });

  it('reports an alias bomb and an oversized file with their place and reason, and exits 1', async () => {
    const lines = ['id: bomb', `a0: &a0 [${Array(10).fill('lol').join(', ')}]`];
    for (let i = 1; i < 10; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    const bomb = file('bomb.yaml', `${lines.join('\n')}\n`);
    const huge = file('huge.yaml', '['.repeat(500_000));
    const r = await run(['policy', 'validate', bomb, huge]);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${bomb}:11:`);
    expect(r.out).toMatch(/bomb\.yaml:11:\d+ a9\[9\]: Aliases here expand to too many values/);
    expect(r.out).toMatch(/huge\.yaml: The file is 489 KiB; a policy pack may be at most 64 KiB/);
  });

  it('exits 2 with a clear message for a missing file, after checking the others', async () => {
    const missing = path.join(dir, 'missing.yaml');
    const r = await run(['policy', 'validate', missing, twilio]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`error: ${missing}: no such file (check the path)\n`);
    expect(r.out).toMatch(/twilio\.yaml: ok/);
  });

  it('needs a file', async () => {
    const r = await run(['policy', 'validate']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/name at least one policy pack file/);
  });

  it('formats problems with and without a place', () => {
    expect(formatProblem({ file: 'f', path: 'a.b', line: 3, column: 7, message: 'bad' }, 'p.yaml')).toBe('p.yaml:3:7 a.b: bad');
    expect(formatProblem({ file: 'f', path: '', message: 'empty' }, 'p.yaml')).toBe('p.yaml: empty');
  });
});

describe('hourglass policy list', () => {
  it('lists packs, versions with effective_from, plans with aliases, priorities with the default, metrics, calendars', async () => {
    const r = await run(['policy', 'list']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('twilio: Twilio');
    expect(r.out).toContain('version 2025-04, in force from 2025-04-01T00:00:00-07:00');
    expect(r.out).toContain('version 2020-01, in force from 2020-01-01T00:00:00Z');
    expect(r.out).toContain('sme (alias smb)');
    expect(r.out).toContain('P3 General Issue (default)');
    expect(r.out).toContain('acknowledgment, response');
    expect(r.out).toContain('twilio-business-hours (America/Los_Angeles; Mon–Fri 06:00–18:00)');
  });

  it('prints JSON', async () => {
    const r = await run(['policy', 'list', '--json']);
    const packsJson = JSON.parse(r.out) as { id: string; versions: { id: string; plans: { id: string; aliases: string[] }[]; priorities: { id: string; default: boolean }[] }[] }[];
    expect(packsJson.map((p) => p.id).sort()).toEqual(['360dialog', 'exotel', 'twilio']);
    const exotel = packsJson.find((p) => p.id === 'exotel')!;
    expect(exotel.versions[0]!.plans).toContainEqual(expect.objectContaining({ id: 'sme', aliases: ['smb'] }));
    const twilioJson = packsJson.find((p) => p.id === 'twilio')!;
    expect(twilioJson.versions.map((v) => v.id)).toEqual(['2020-01', '2025-04']);
    expect(twilioJson.versions[1]!.priorities.filter((p) => p.default).map((p) => p.id)).toEqual(['P3']);
  });
});

describe('hourglass policy schema', () => {
  it('prints the JSON Schema of pack files', async () => {
    const r = await run(['policy', 'schema']);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.out) as { $schema: string; type: string; properties: Record<string, unknown> };
    expect(schema.$schema).toMatch(/json-schema\.org/);
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['id', 'versions']));
  });
});
