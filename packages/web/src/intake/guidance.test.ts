import { describe, expect, it } from 'vitest';
import type { IntakeFieldSpec } from '../api/types.js';
import { durationMs, guideField, sidFormatHint } from './guidance.js';

const NOW = Date.parse('2026-11-25T16:30:00-08:00');
const sids: IntakeFieldSpec = { id: 'call_sids', label: 'Example call SIDs', type: 'sid_list', required: true, sid_prefixes: ['CA'], examples: { min: 2, max: 3 } };
const when: IntakeFieldSpec = { id: 'examples_at', label: 'When', type: 'datetime', required: true, recency: { ok_within: '24h', best_effort_within: '48h' } };
const context = { now: NOW, sidHexLength: 32, sidKinds: { CA: 'call', SM: 'SMS message' } };
const sid = (digit: string) => `CA${digit.repeat(32)}`;
const hoursAgo = (h: number) => new Date(NOW - h * 3_600_000).toISOString();

describe('intake guidance', () => {
  it('asks for the examples, then checks each SID and counts them', () => {
    expect(guideField(sids, '', context)).toEqual({ tone: 'info', message: 'Give 2–3 examples: call SIDs (CA…).' });
    expect(guideField(sids, 'SM' + 'a'.repeat(32), context)?.message).toContain('has the prefix SM (SMS message); this field needs call SIDs (CA…)');
    expect(guideField(sids, 'CA123', context)?.message).toContain('has 3 hexadecimal characters after its prefix; a SID has exactly 32');
    expect(guideField(sids, sid('1'), context)).toMatchObject({ tone: 'error', message: expect.stringContaining('1 of 2–3 examples') });
    expect(guideField(sids, `${sid('1')}, ${sid('2')}`, context)).toMatchObject({ tone: 'ok' });
    expect(guideField(sids, `${sid('1')} ${sid('1')}`, context)?.tone).toBe('warning');
    expect(guideField(sids, [1, 2, 3, 4].map(String).map(sid).join('\n'), context)?.tone).toBe('warning');
  });

  it('describes the SID format from the pack, and nothing when the pack does not give it', () => {
    expect(sidFormatHint(['CA'], context)).toBe('Each SID is 34 characters: the prefix CA, then 32 hexadecimal characters (0–9, a–f), for example CA0123456789abcdef0123456789abcdef.');
    expect(sidFormatHint([], { now: NOW, sidHexLength: 8 })).toBe('Each SID is 10 characters: a two-letter prefix, then 8 hexadecimal characters (0–9, a–f), for example CA01234567.');
    expect(sidFormatHint(['CA'], { now: NOW })).toBeNull();
  });

  it('says how recent an example is against the form\'s windows', () => {
    expect(guideField(when, hoursAgo(2), context)?.tone).toBe('ok');
    expect(guideField(when, hoursAgo(30), context)?.message).toContain('best-effort');
    expect(guideField(when, hoursAgo(72), context)).toMatchObject({ tone: 'error', message: expect.stringContaining('too old') });
    expect(guideField(when, hoursAgo(-1), context)?.message).toContain('in the future');
    expect(guideField(when, 'yesterday', context)?.tone).toBe('error');
  });

  it('reads the durations packs write', () => {
    expect(durationMs('24h')).toBe(86_400_000);
    expect(durationMs('PT72H')).toBe(72 * 3_600_000);
    expect(durationMs('30m')).toBe(1_800_000);
    expect(durationMs('soon')).toBeNull();
  });

  it('checks phone numbers for the international format', () => {
    const phone: IntakeFieldSpec = { id: 'from_number', label: 'From number', type: 'phone' };
    expect(guideField(phone, '+1 415 555 1212', context)?.tone).toBe('ok');
    expect(guideField(phone, '415 555', context)?.tone).toBe('error');
    expect(guideField(phone, '', context)).toBeNull();
  });
});
