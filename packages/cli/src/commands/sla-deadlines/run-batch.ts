/**
 * Streams NDJSON through an answerer: reads the input chunk by chunk, answers each line in order
 * and writes the answers in blocks, waiting for the output to drain when it asks to. Memory stays
 * bounded whatever the input size: at most one chunk, one partial line and one output block.
 */
import { StringDecoder } from 'node:string_decoder';
import type { Readable, Writable } from 'node:stream';
import type { BatchAnswerer } from './batch.js';

/** Answers are written in blocks of about this many characters. */
const OUTPUT_BLOCK = 64 * 1024;
const BYTE_ORDER_MARK = 0xfeff;
/** A line longer than this is answered with an error instead of being held in memory. */
export const MAX_LINE_LENGTH = 1024 * 1024;

export interface BatchTotals {
  /** Answer lines written (blank input lines get none). */
  lines: number;
}

function waitForDrain(output: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (): void => {
      output.off('drain', done);
      output.off('error', failed);
      output.off('close', done);
      resolve();
    };
    const failed = (error: Error): void => {
      output.off('drain', done);
      output.off('close', done);
      reject(error);
    };
    output.once('drain', done);
    output.once('close', done);
    output.once('error', failed);
  });
}

class AnswerWriter {
  private block = '';
  readonly totals: BatchTotals = { lines: 0 };

  constructor(private readonly output: NodeJS.WritableStream) {}

  /** Adds an answer; resolves at once unless a full block had to wait for the output to drain. */
  add(answer: string): Promise<void> | undefined {
    this.totals.lines++;
    this.block += answer;
    this.block += '\n';
    return this.block.length >= OUTPUT_BLOCK ? this.flush() : undefined;
  }

  flush(): Promise<void> | undefined {
    if (this.block.length === 0) return undefined;
    const ready = this.output.write(this.block);
    this.block = '';
    return ready ? undefined : waitForDrain(this.output);
  }
}

const TOO_LONG = `{"id":null,"error":"the line is longer than ${MAX_LINE_LENGTH} characters; split it or check that lines end with a newline"}`;

/**
 * Answers every line of `input` on `output`, in order, and resolves to the totals once the
 * input has ended and every answer has been handed to the output.
 */
export async function runBatch(
  input: Readable | NodeJS.ReadableStream,
  output: Writable | NodeJS.WritableStream,
  answer: BatchAnswerer,
): Promise<BatchTotals> {
  const writer = new AnswerWriter(output);
  const decoder = new StringDecoder('utf8');
  let partial = '';
  let overlong = false;

  const take = (line: string): Promise<void> | undefined => {
    const text = line.charCodeAt(line.length - 1) === 13 ? line.slice(0, -1) : line;
    const reply = answer(text);
    return reply.length === 0 ? undefined : writer.add(reply);
  };

  let started = false;
  for await (const chunk of input) {
    let text = typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer);
    if (!started && text.length > 0) {
      started = true;
      if (text.charCodeAt(0) === BYTE_ORDER_MARK) text = text.slice(1);
    }
    let from = 0;
    let newline = text.indexOf('\n');
    while (newline !== -1) {
      let pending: Promise<void> | undefined;
      if (overlong) {
        overlong = false;
        pending = writer.add(TOO_LONG);
      } else {
        pending = take(partial.length === 0 ? text.slice(from, newline) : partial + text.slice(from, newline));
      }
      partial = '';
      if (pending) await pending;
      from = newline + 1;
      newline = text.indexOf('\n', from);
    }
    if (!overlong && from < text.length) {
      partial += text.slice(from);
      if (partial.length > MAX_LINE_LENGTH) {
        overlong = true;
        partial = '';
      }
    }
  }
  partial += decoder.end();
  if (overlong) await writer.add(TOO_LONG);
  else if (partial.length > 0) await take(partial);
  await writer.flush();
  return writer.totals;
}
