import { loadShippedPacks } from '@hourglass/policy';
import { Readable, Writable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBatchAnswerer, type BatchAnswerer } from '../src/commands/sla-deadlines/batch.js';
import { MAX_LINE_LENGTH, runBatch } from '../src/commands/sla-deadlines/run-batch.js';

let answer: BatchAnswerer;

beforeAll(async () => {
  answer = createBatchAnswerer(await loadShippedPacks());
});

/** A writable that keeps everything, optionally slowly and with a small buffer. */
function sink(options: { slow?: boolean; highWaterMark?: number } = {}) {
  const parts: string[] = [];
  let maxBuffered = 0;
  const stream = new Writable({
    highWaterMark: options.highWaterMark ?? 16 * 1024,
    write(chunk: Buffer, _encoding, done) {
      parts.push(chunk.toString('utf8'));
      maxBuffered = Math.max(maxBuffered, stream.writableLength);
      if (options.slow) setImmediate(done);
      else done();
    },
  });
  return { stream, text: () => parts.join(''), maxBuffered: () => maxBuffered };
}

function chunks(text: string, size: number): Readable {
  const bytes = Buffer.from(text, 'utf8');
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) parts.push(bytes.subarray(i, i + size));
  return Readable.from(parts);
}

const LINE_1 = '{"id":1,"policy":"twilio","plan":"bootstrap","priority":"P1","metric":"first_response","start":"2026-11-20T17:00:00-08:00"}';
const LINE_2 = '{"id":"zwei ü","calendar":"exotel-sme","business_hours":0.5,"start":"2026-11-20T21:50:00+05:30"}';
const ANSWER_1 = '{"id":1,"due":"2026-11-23T07:00:00-08:00"}';
const ANSWER_2 = '{"id":"zwei ü","due":"2026-11-21T08:20:00+05:30"}';

async function through(input: Readable, options?: Parameters<typeof sink>[0]) {
  const out = sink(options);
  const totals = await runBatch(input, out.stream, answer);
  return { totals, text: out.text(), out };
}

describe('runBatch', () => {
  it('answers each line in order and skips blank lines', async () => {
    const { totals, text } = await through(Readable.from([`${LINE_1}\n\n   \n${LINE_2}\nnot json\n`]));
    const lines = text.split('\n');
    expect(lines.slice(0, 2)).toEqual([ANSWER_1, ANSWER_2]);
    expect(JSON.parse(lines[2]!)).toMatchObject({ id: null, error: expect.stringMatching(/not valid JSON/) });
    expect(lines[3]).toBe('');
    expect(totals).toEqual({ lines: 3 });
  });

  it('reads CRLF line ends and a last line without a newline', async () => {
    const { text } = await through(Readable.from([`${LINE_1}\r\n\r\n${LINE_2}`]));
    expect(text).toBe(`${ANSWER_1}\n${ANSWER_2}\n`);
  });

  it('joins lines split across chunks at any byte, inside multi-byte characters too', async () => {
    const input = `${LINE_1}\r\n${LINE_2}\n`;
    for (const size of [1, 2, 3, 7, 64, 127]) {
      const { text } = await through(chunks(input, size));
      expect(text).toBe(`${ANSWER_1}\n${ANSWER_2}\n`);
    }
  });

  it('writes nothing for empty input', async () => {
    const { totals, text } = await through(Readable.from([]));
    expect(text).toBe('');
    expect(totals.lines).toBe(0);
  });

  it('answers an over-long line with an error and goes on', async () => {
    const long = `{"id":1,"pad":"${'x'.repeat(2 * MAX_LINE_LENGTH)}"}`;
    const { text } = await through(chunks(`${long}\n${LINE_1}\n`, 64 * 1024));
    const lines = text.trimEnd().split('\n');
    expect(JSON.parse(lines[0]!)).toMatchObject({ id: null, error: expect.stringMatching(/longer than/) });
    expect(lines[1]).toBe(ANSWER_1);
  });

  it('waits for a slow output instead of buffering every answer', async () => {
    const count = 20_000;
    const input = Readable.from((function* () {
      for (let i = 0; i < count; i++) yield `{"id":${i},"calendar":"exotel-sme","business_hours":${i % 50},"start":"2026-11-20T10:00:00+05:30"}\n`;
    })());
    const { totals, text, out } = await through(input, { slow: true, highWaterMark: 1024 });
    expect(totals.lines).toBe(count);
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(count);
    lines.forEach((line, i) => expect(line.startsWith(`{"id":${i},"due":"`)).toBe(true));
    // One output block at most is ever waiting in the stream.
    expect(out.maxBuffered()).toBeLessThanOrEqual(128 * 1024);
  });

  it('streams 100k lines in bounded memory', async () => {
    const count = 100_000;
    let produced = 0;
    const input = new Readable({
      read() {
        let batch = '';
        for (let i = 0; i < 500 && produced < count; i++, produced++) {
          batch += produced % 2 === 0
            ? `{"id":${produced},"policy":"twilio","plan":"bootstrap","priority":"P2","metric":"first_response","start":"2026-11-${10 + (produced % 18)}T09:15:00-08:00"}\n`
            : `{"id":${produced},"calendar":"360dialog-premium","business_hours":${(produced % 40) / 4},"start":"2026-11-20T12:00:00+01:00"}\n`;
        }
        this.push(batch.length > 0 ? batch : null);
      },
    });
    let answered = 0;
    let errors = 0;
    let last = '';
    let rest = '';
    const output = new Writable({
      write(chunk: Buffer, _encoding, done) {
        const text = rest + chunk.toString('utf8');
        const lines = text.split('\n');
        rest = lines.pop() ?? '';
        answered += lines.length;
        for (const line of lines) if (line.includes('"error"')) errors++;
        last = lines[lines.length - 1] ?? last;
        done();
      },
    });
    global.gc?.();
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5);
    const totals = await runBatch(input, output, answer);
    clearInterval(timer);
    expect(totals).toEqual({ lines: count });
    expect(answered).toBe(count);
    expect(errors).toBe(0);
    expect(last.startsWith(`{"id":${count - 1},"due":"`)).toBe(true);
    // The input is about 12 MB and the output 5 MB; neither may be held whole.
    expect(peak - before).toBeLessThan(40 * 1024 * 1024);
  });
});

describe('runBatch input encodings', () => {
  it('skips a UTF-8 byte order mark at the start', async () => {
    const { text } = await through(Readable.from([Buffer.from([0xef, 0xbb]), Buffer.from([0xbf]), Buffer.from(`${LINE_1}\n`)]));
    expect(text).toBe(`${ANSWER_1}\n`);
  });
});
