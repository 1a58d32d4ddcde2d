import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { englishText } from './english.js';
import { checkSid, splitSidList, type SidFormat } from './sid.js';

const format: SidFormat = { hex_length: 32, kinds: { CA: 'call', SM: 'message', MM: 'MMS message', RM: 'video room' } };
const call = 'CAa91002aee7a8bafed519af3bb8f9dc85';
const hexChar = fc.constantFrom(...'0123456789abcdefABCDEF');
const prefix = fc.stringMatching(/^[A-Z]{2}$/);
/** The English phrasing of a refused SID; null when it is accepted. */
const problem = (raw: string, prefixes: readonly string[] = [], f: SidFormat = format) => {
  const result = checkSid(raw, f, prefixes);
  return result.ok ? null : englishText(result.verdict);
};

describe('checkSid', () => {
  it('accepts a two-letter prefix and 32 hexadecimal characters, in either case', () => {
    expect(checkSid(call, format)).toEqual({ ok: true, sid: call, prefix: 'CA' });
    expect(checkSid(' CAC0e4cbf8ff6e2c9fba7cc5387471be54 ', format, ['CA'])).toEqual({ ok: true, sid: 'CAC0e4cbf8ff6e2c9fba7cc5387471be54', prefix: 'CA' });
  });

  it('accepts exactly the prefix plus hex_length hexadecimal characters; otherwise the verdict gives the count', () => {
    fc.assert(
      fc.property(prefix, fc.array(hexChar, { minLength: 0, maxLength: 40 }), (p, hex) => {
        const result = checkSid(p + hex.join(''), format);
        expect(result.ok).toBe(hex.length === 32);
        if (!result.ok) expect(result.verdict).toEqual({ code: 'intake.sid.length', args: { sid: p + hex.join(''), count: hex.length, length: 32 } });
      }),
    );
  });

  it('says how many hexadecimal characters a short SID has', () => {
    expect(problem('SM91002aee7a8bafed519af3bb8f9dc85')).toBe(
      '"SM91002aee7a8bafed519af3bb8f9dc85" has 31 hexadecimal characters after its prefix; a SID has exactly 32. Copy it again from the Console or the logs.',
    );
  });

  it('names a character that is not hexadecimal', () => {
    expect(checkSid('RMXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', format)).toMatchObject({ ok: false, verdict: { code: 'intake.sid.notHex', args: { character: 'X' } } });
    expect(problem('RMXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX')).toContain('contains "X"');
  });

  it('refuses a prefix that does not fit the field and says which one does, in the pack’s words', () => {
    const sid = 'SMc0e4cbf8ff6e2c9f08fdc0f874710ad1';
    expect(checkSid(sid, format, ['CA'])).toEqual({
      ok: false,
      verdict: { code: 'intake.sid.wrongPrefix', args: { sid, prefix: 'SM', kind: 'message', prefixes: ['CA'], kinds: ['call'] } },
    });
    expect(problem(sid, ['CA'])).toBe('"SMc0e4cbf8ff6e2c9f08fdc0f874710ad1" has the prefix SM (message); this field needs call SIDs (CA…).');
    expect(problem(sid, ['ZZ', 'MM'])).toContain('this field needs ZZ resource or MMS message SIDs (ZZ… or MM…)');
  });

  it('explains the shape for text that is no SID at all, and upper-case prefixes', () => {
    expect(problem('12345')).toContain('starts with two letters');
    expect(problem('ca' + 'a'.repeat(32))).toContain('SID prefixes are upper-case letters (CA)');
  });

  it('follows the pack’s hex length', () => {
    expect(checkSid('CA' + 'a'.repeat(16), { hex_length: 16, kinds: {} }).ok).toBe(true);
  });
});

describe('SID lists', () => {
  it('splits pasted lists on white space, commas and semicolons', () => {
    expect(splitSidList('CA1, CA2;CA3\nCA4  ')).toEqual(['CA1', 'CA2', 'CA3', 'CA4']);
    expect(splitSidList(['CA1 CA2', 'CA3'])).toEqual(['CA1', 'CA2', 'CA3']);
    expect(splitSidList(42)).toEqual([]);
  });
});
