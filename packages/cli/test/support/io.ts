/** An in-memory `CliIo` for running commands in-process and reading what they printed. */
import { PassThrough, Readable } from 'node:stream';
import type { CliIo } from '../../src/io.js';

export interface CapturedIo extends CliIo {
  out(): string;
  err(): string;
}

export function memoryIo(input = '', now = Date.parse('2026-11-20T12:00:00Z')): CapturedIo {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  return {
    stdin: Readable.from([Buffer.from(input, 'utf8')]),
    stdout,
    stderr,
    now: () => now,
    out: () => out,
    err: () => err,
  };
}
