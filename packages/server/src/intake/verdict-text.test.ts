import { HOUR, formatInstant, parseInstant } from '@hourglass/engine';
import { loadShippedPacks } from '@hourglass/policy';
import { englishText, type Verdict } from '@hourglass/rules';
import { describe, expect, it } from 'vitest';
import { textIn } from '../errors.js';
import { CATALOGS } from '../i18n/catalogs.js';
import { LOCALES } from '../i18n/locales.js';
import { findIntakeForm } from './forms.js';
import { validateIntake } from './validate.js';
import { verdictText } from './verdict-text.js';

const registry = await loadShippedPacks();
const twilio = registry.pack('twilio').versionAt(parseInstant('2026-11-23T00:00:00Z'));
const found = findIntakeForm(twilio.intake, 'voice');
if (!found.ok) throw new Error(found.message);
const voice = found.form;
const opened = parseInstant('2026-11-23T12:00:00-08:00');
const hoursBefore = (h: number) => formatInstant(opened - h * HOUR, 'America/Los_Angeles');
const good = 'CAa91002aee7a8bafed519af3bb8f9dc85';

/** Verdicts the rules give for values that go wrong in many ways. */
const verdicts: Verdict[] = [
  ...validateIntake(voice, { call_sids: ['CA123', good, good, 'ca0123456789abcdef0123456789abcdef', 'SM0123456789abcdef0123456789abcdef'], examples_at: 'yesterday', fax: 'x' }, opened).issues,
  ...validateIntake(voice, { description: 'Choppy audio.', call_sids: [good, 'CA1f28b6c011f2be4c1f12349857786b45'], examples_at: hoursBefore(30) }, opened).issues,
  ...validateIntake(voice, { description: 'Choppy audio.', call_sids: [good, 'CA1f28b6c011f2be4c1f12349857786b45'], examples_at: hoursBefore(60) }, opened).issues,
  ...validateIntake(voice, {}, opened).issues,
];

describe('intake verdicts as catalog messages', () => {
  it('covers many kinds of verdict', () => {
    expect(new Set(verdicts.map((v) => v.code)).size).toBeGreaterThanOrEqual(8);
  });

  it('has a message for every verdict in every language', () => {
    for (const locale of LOCALES) for (const verdict of verdicts) expect(CATALOGS[locale][verdict.code], `${locale} ${verdict.code}`).toBeDefined();
  });

  it('says in English what the API has always said', () => {
    for (const verdict of verdicts) expect(textIn(verdictText(verdict), 'en'), verdict.code).toBe(englishText(verdict));
  });

  it('phrases each verdict in every language with its values in place', () => {
    for (const locale of LOCALES.filter((l) => l !== 'en')) {
      for (const verdict of verdicts) {
        const text = textIn(verdictText(verdict), locale);
        expect(text, `${locale} ${verdict.code}`).not.toBe(englishText(verdict));
        if (typeof verdict.args.sid === 'string') expect(text).toContain(verdict.args.sid);
      }
    }
    const length = verdicts.find((v) => v.code === 'intake.sid.length')!;
    expect(textIn(verdictText(length), 'ru')).toBe('В «CA123» после префикса 3 шестнадцатеричных символа, а в SID их ровно 32. Скопируйте его заново из Console или журналов.');
  });
});
