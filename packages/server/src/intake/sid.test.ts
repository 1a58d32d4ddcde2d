import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSid, describePrefixes, splitSidList, type SidFormat } from './sid.js';

const format: SidFormat = { hex_length: 32, kinds: { CA: 'call', SM: 'message', MM: 'MMS message', RM: 'video room' } };
const call = 'CAa91002aee7a8bafed519af3bb8f9dc85';
const hexChar = fc.constantFrom(...'0123456789abcdefABCDEF');
const prefix = fc.stringMatching(/^[A-Z]{2}$/);

describe('checkSid', () => {
  it('accepts a two-letter prefix and 32 hexadecimal characters, in either case', () => {
    expect(checkSid(call, format)).toEqual({ ok: true, sid: call, prefix: 'CA' });
    expect(checkSid(' CAC0e4cbf8ff6e2c9fba7cc5387471be54 ', format, ['CA'])).toEqual({
      ok: true,
      sid: 'CAC0e4cbf8ff6e2c9fba7cc5387471be54',
      prefix: 'CA',
    });
  });

  it('accepts exactly the prefix plus hex_length hexadecimal characters', () => {
    fc.assert(
      fc.property(prefix, fc.array(hexChar, { minLength: 0, maxLength: 40 }), (p, hex) => {
        const result = checkSid(p + hex.join(''), format);
        expect(result.ok).toBe(hex.length === 32);
        if (!result.ok && hex.length > 0) expect(result.problem).toContain(`has ${hex.length} hexadecimal characters`);
      }),
    );
  });

  it('says how many hexadecimal characters a short SID has', () => {
    expect(checkSid('SM91002aee7a8bafed519af3bb8f9dc85', format)).toEqual({
      ok: false,
      problem:
        '"SM91002aee7a8bafed519af3bb8f9dc85" has 31 hexadecimal characters after its prefix; a SID has exactly 32. Copy it again from the Console or the logs.',
    });
  });

  it('names a character that is not hexadecimal', () => {
    const result = checkSid('RMXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', format);
    expect(result.ok ? null : result.problem).toContain('contains "X"');
  });

  it('refuses a prefix that does not fit the field and says which one does, in the pack’s words', () => {
    expect(checkSid('SMc0e4cbf8ff6e2c9f08fdc0f874710ad1', format, ['CA'])).toEqual({
      ok: false,
      problem: '"SMc0e4cbf8ff6e2c9f08fdc0f874710ad1" has the prefix SM (message); this field needs call SIDs (CA…).',
    });
  });

  it('explains the shape for text that is no SID at all, and upper-case prefixes', () => {
    const notSid = checkSid('12345', format);
    expect(notSid.ok ? null : notSid.problem).toContain('starts with two letters');
    const lower = checkSid('ca' + 'a'.repeat(32), format);
    expect(lower.ok ? null : lower.problem).toContain('SID prefixes are upper-case letters (CA)');
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

  it('describes the prefixes a field takes; unknown prefixes by their letters', () => {
    expect(describePrefixes(['SM', 'MM'], format)).toBe('message or MMS message SIDs (SM… or MM…)');
    expect(describePrefixes(['ZZ'], format)).toBe('ZZ resource SIDs (ZZ…)');
  });
});

describe('the shipped twilio SID format', () => {
  it('knows MMS message SIDs (MM…) as well as SMS ones (SM…)', async () => {
    const { loadShippedPacks } = await import('@hourglass/policy');
    const twilio = (await loadShippedPacks()).pack('twilio').latest;
    const shipped = twilio.intake!.sid_format!;
    expect(checkSid('MMc0e4cbf8ff6e2c9f08fdc0f874710ad1', shipped, ['SM', 'MM'])).toEqual({ ok: true, sid: 'MMc0e4cbf8ff6e2c9f08fdc0f874710ad1', prefix: 'MM' });
    expect(describePrefixes(['SM', 'MM'], shipped)).toBe('SMS message or MMS message SIDs (SM… or MM…)');
    const messaging = twilio.intake!.forms.find((f) => f.id === 'messaging')!;
    const field = messaging.fields.find((f) => f.id === 'message_sids')!;
    expect(checkSid('MMc0e4cbf8ff6e2c9f08fdc0f874710ad1', shipped, field.sid_prefixes)).toMatchObject({ ok: true, prefix: 'MM' });
  });
});
