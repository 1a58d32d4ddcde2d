import { describe, expect, it } from 'vitest';
import { run } from './support/run.js';

const COMMANDS = ['sla deadline', 'sla deadlines', 'calendar show', 'policy list', 'policy validate', 'policy schema', 'serve', 'migrate', 'seed'];

describe('hourglass', () => {
  it.each([[['--help']], [['-h']], [['help']]])('%j lists every command', async (argv) => {
    const r = await run(argv);
    expect(r.code).toBe(0);
    for (const command of COMMANDS) expect(r.out).toContain(`hourglass ${command} `);
  });

  it('lists the commands on standard error and exits 2 when run bare', async () => {
    const r = await run([]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('hourglass sla deadline');
  });

  it('names the commands for an unknown command', async () => {
    const r = await run(['deadline']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^error: unknown command "deadline"/);
    for (const command of COMMANDS) expect(r.err).toContain(`hourglass ${command} `);
  });

  it('lists a group and its commands', async () => {
    const bare = await run(['policy']);
    expect(bare.code).toBe(2);
    expect(bare.err).toMatch(/"hourglass policy" needs a command/);
    expect(bare.err).toContain('hourglass policy validate');
    const unknown = await run(['sla', 'dedline']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/unknown command "sla dedline"/);
    expect(unknown.err).toContain('hourglass sla deadlines');
    const help = await run(['sla', '--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('hourglass sla deadline ');
    expect(help.out).not.toContain('hourglass policy');
  });

  it('shows a command help through `help`', async () => {
    const r = await run(['help', 'calendar', 'show']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^hourglass calendar show: /);
    const group = await run(['help', 'policy']);
    expect(group.out).toContain('hourglass policy schema');
    const unknown = await run(['help', 'nothing']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/unknown command "nothing"/);
  });

  it.each(COMMANDS.map((c) => [c]))('%s --help prints its help and exits 0', async (command) => {
    const r = await run([...command.split(' '), '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(new RegExp(`^hourglass ${command}: `));
    expect(r.out).toContain('Usage:');
  });

  it('rejects an unknown flag before any command', async () => {
    const r = await run(['--verbose']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown flag --verbose/);
  });
});
