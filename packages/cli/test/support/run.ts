/** Runs `hourglass …` in-process against the shipped packs and a stand-in server. */
import { loadShippedPacks } from '@hourglass/policy';
import { allCommands, type CommandDeps } from '../../src/commands.js';
import { dispatch } from '../../src/dispatch.js';
import type { ServerApi } from '../../src/commands/server/api.js';
import { memoryIo } from './io.js';

export interface RunResult {
  code: number;
  out: string;
  err: string;
}

const noServer = async (): Promise<ServerApi> => {
  throw new Error('no server in this test');
};

export async function run(argv: string[], options: { input?: string; now?: number; deps?: Partial<CommandDeps> } = {}): Promise<RunResult> {
  const io = memoryIo(options.input ?? '', options.now);
  const deps: CommandDeps = { loadRegistry: loadShippedPacks, loadServer: noServer, ...options.deps };
  const code = await dispatch(allCommands(deps), argv, io);
  await new Promise((resolve) => setImmediate(resolve));
  return { code, out: io.out(), err: io.err() };
}
