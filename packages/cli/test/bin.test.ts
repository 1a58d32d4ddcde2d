/** The built `hourglass` command, run as a process (needs `npm run build` first, as `npm test` does). */
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../bin/hourglass.js', import.meta.url));

function hourglass(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', timeout: 20_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('the hourglass process', () => {
  it('answers sla deadline', () => {
    const r = hourglass(['sla', 'deadline', '--policy', 'twilio', '--plan', 'bootstrap', '--priority', 'P1', '--start', '2026-11-20T17:00:00-08:00', '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ due: '2026-11-23T07:00:00-08:00', due_utc: '2026-11-23T15:00:00Z' });
  });

  it('streams sla deadlines from standard input, CRLF and a last line without newline included', () => {
    const input = [
      '{"id":1,"policy":"twilio","plan":"bootstrap","priority":"P1","metric":"first_response","start":"2026-11-20T17:00:00-08:00"}',
      '',
      '{"id":"b","policy":"twilio","plan":"free","priority":"P2","metric":"first_response","start":"2026-11-20T17:00:00-08:00"}',
      'oops',
      '{"id":[3],"calendar":"exotel-sme","business_days":1,"start":"2026-11-20T21:50:00+05:30"}',
    ].join('\r\n');
    const r = hourglass(['sla', 'deadlines'], input);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines[0]).toBe('{"id":1,"due":"2026-11-23T07:00:00-08:00"}');
    expect(lines[1]).toBe('{"id":"b","due":null}');
    expect(JSON.parse(lines[2]!)).toMatchObject({ id: null, error: expect.stringMatching(/not valid JSON/) });
    expect(lines[3]).toBe('{"id":[3],"due":"2026-11-21T21:50:00+05:30"}');
    expect(lines).toHaveLength(4);
  });

  it('exits 2 naming the commands for an unknown command, without a stack trace', () => {
    const r = hourglass(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^error: unknown command "frobnicate"/);
    expect(r.err).toContain('hourglass sla deadlines');
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('exits 2 for a pack file that does not exist', () => {
    const r = hourglass(['policy', 'validate', '/nonexistent/pack.yaml']);
    expect(r.code).toBe(2);
    expect(r.err).toBe('error: /nonexistent/pack.yaml: no such file (check the path)\n');
  });

  it('stops quietly when the reader of its output goes away', async () => {
    const line = '{"id":1,"calendar":"exotel-sme","business_hours":3,"start":"2026-11-20T10:00:00+05:30"}\n';
    const child = spawn(process.execPath, [BIN, 'sla', 'deadlines'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdin.on('error', () => {});
    const first = new Promise<string>((resolve) => child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString())));
    child.stdin.write(line.repeat(20_000));
    expect(await first).toMatch(/^\{"id":1,"due":"2026-11-20T13:00:00\+05:30"\}/);
    child.stdout.destroy();
    child.stdin.end(line.repeat(20_000));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(err).toBe('');
    expect(code).toBe(0);
  });
});
