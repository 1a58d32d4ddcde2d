import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const SCRIPT = path.join(here, 'serve-process.mjs');
/** The compiled package the service processes run (`npx tsc -b` builds it). */
export const COMPILED_SERVER = path.join(here, '../../dist/index.js');

export interface ServiceProcess {
  child: ChildProcess;
  url: string;
}

/** Spawns the real service in a `node` process of its own and waits for its ready line. */
export function spawnService(args: string[], timeoutMs = 60_000): Promise<ServiceProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SCRIPT, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LOG_LEVEL: 'silent' } });
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the service did not start within ${timeoutMs / 1000} s:\n${err}`));
    }, timeoutMs);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('{"ready"'));
      if (line) {
        clearTimeout(timer);
        resolve({ child, url: (JSON.parse(line) as { ready: string }).ready });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the service exited with ${code} before it was ready:\n${err}`));
    });
  });
}

/** Ends a service process at once and waits until it is gone. */
export function killService(service: ServiceProcess): Promise<void> {
  if (service.child.exitCode !== null || service.child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    service.child.removeAllListeners('exit');
    service.child.once('exit', () => resolve());
    service.child.kill('SIGKILL');
  });
}
