import { describe, expect, it } from 'vitest';
import type { IntakeFieldSpec } from '../api/types.js';
import { testIntl } from '../i18n/build/testing.js';
import { type GuidanceContext, guideField, readLocalInstant, sidFormatHint } from './guidance.js';
import { verdictText } from './verdict-text.js';

const NOW = Date.parse('2026-11-25T16:30:00-08:00');
const sids: IntakeFieldSpec = { id: 'call_sids', label: 'Example call SIDs', type: 'sid_list', required: true, sid_prefixes: ['CA'], examples: { min: 2, max: 3 } };
const when: IntakeFieldSpec = { id: 'examples_at', label: 'When', type: 'datetime', required: true, recency: { ok_within: '24h', best_effort_within: '48h' } };
const context: GuidanceContext = { now: NOW, sidHexLength: 32, sidKinds: { CA: 'call', SM: 'SMS message' } };
const sid = (digit: string) => `CA${digit.repeat(32)}`;
const hoursAgo = (h: number) => new Date(NOW - h * 3_600_000).toISOString();

const intl = testIntl('en');
/** The guidance at a field as the page shows it: its tone and its English words. */
function shown(field: IntakeFieldSpec, value: string, at: GuidanceContext = context) {
  const guidance = guideField(field, value, at);
  return guidance && { tone: guidance.tone, code: guidance.message.code, text: verdictText(intl, guidance.message) };
}

describe('intake guidance', () => {
  it('asks for the examples, then checks each SID and counts them', () => {
    expect(shown(sids, '')).toEqual({ tone: 'info', code: 'intake.examples.tooFew', text: 'Give 2–3 examples: call SIDs (CA…).' });
    expect(shown(sids, 'SM' + 'a'.repeat(32))?.text).toContain('has the prefix SM (SMS message); this field needs call SIDs (CA…)');
    expect(shown(sids, 'CA123')?.text).toContain('has 3 hexadecimal characters after its prefix; a SID has exactly 32');
    expect(shown(sids, sid('1'))).toMatchObject({ tone: 'error', text: '1 of 2–3 examples: add 1 more; several examples show a trend.' });
    expect(shown(sids, `${sid('1')}, ${sid('2')}`)).toEqual({ tone: 'ok', code: 'intake.guidance.sidsOk', text: '2 of 2–3 examples, each a well-formed SID.' });
    expect(shown(sids, `${sid('1')} ${sid('1')} ${sid('2')}`)).toMatchObject({ tone: 'warning', code: 'intake.sid.duplicate' });
    expect(shown(sids, [1, 2, 3, 4].map(String).map(sid).join('\n'))).toMatchObject({ tone: 'warning', code: 'intake.examples.tooMany' });
  });

  it('describes the SID format from the pack, and nothing when the pack does not give it', () => {
    expect(verdictText(intl, sidFormatHint(['CA'], context)!)).toBe('Each SID is 34 characters: the prefix CA, then 32 hexadecimal characters (0–9, a–f), for example CA0123456789abcdef0123456789abcdef.');
    expect(verdictText(intl, sidFormatHint([], { now: NOW, sidHexLength: 8 })!)).toBe('Each SID is 10 characters: a two-letter prefix, then 8 hexadecimal characters (0–9, a–f), for example CA01234567.');
    expect(sidFormatHint(['CA'], { now: NOW })).toBeNull();
    expect(guideField(sids, 'CA123', { now: NOW })).toBeNull();
  });

  it('says how recent an example is against the form’s windows', () => {
    expect(shown(when, hoursAgo(2))).toMatchObject({ tone: 'ok', text: '2 hours ago: recent enough (within 24 hours).' });
    expect(shown(when, hoursAgo(30))).toMatchObject({ tone: 'warning', text: expect.stringContaining('best-effort') });
    expect(shown(when, hoursAgo(72))).toMatchObject({ tone: 'error', text: expect.stringContaining('72 hours ago: too old to investigate') });
    expect(shown(when, hoursAgo(-1))).toMatchObject({ tone: 'error', code: 'intake.recency.afterOpening' });
    expect(shown(when, 'yesterday')).toMatchObject({ tone: 'error', code: 'intake.datetime.format' });
    expect(shown(when, '')).toEqual({ tone: 'info', code: 'intake.field.required', text: 'Required.' });
  });

  it('reads a date-time input in the browser’s zone and an ISO value with its offset', () => {
    expect(readLocalInstant('2026-11-25T16:30:00-08:00')).toBe(NOW);
    expect(readLocalInstant('2026-11-25T08:15')).toBe(new Date(2026, 10, 25, 8, 15).getTime());
    expect(readLocalInstant('25/11/2026')).toBeNull();
  });

  it('checks phone numbers for the international format', () => {
    const phone: IntakeFieldSpec = { id: 'from_number', label: 'From number', type: 'phone' };
    expect(shown(phone, '+1 415 555 1212')).toMatchObject({ tone: 'ok', text: 'Looks like an international number.' });
    expect(shown(phone, '415 555')).toMatchObject({ tone: 'error', code: 'intake.phone.format' });
    expect(shown(phone, '')).toBeNull();
  });

  it('speaks the reader’s language', () => {
    const german = testIntl('de');
    const guidance = guideField(sids, sid('1'), context)!;
    expect(verdictText(german, guidance.message)).toBe('1 von 2–3 Beispielen: Fügen Sie 1 weitere hinzu; mehrere Beispiele zeigen einen Trend.');
    expect(verdictText(testIntl('ru'), guideField(when, hoursAgo(72), context)!.message)).toContain('72 часа назад');
  });
});
