import { HOUR, formatInstant, parseInstant } from '@hourglass/engine';
import { loadShippedPacks } from '@hourglass/policy';
import { describe, expect, it } from 'vitest';
import { findIntakeForm } from './forms.js';
import type { IntakeForm } from './types.js';
import { validateIntake } from './validate.js';

const registry = await loadShippedPacks();
const twilio = registry.pack('twilio').versionAt(parseInstant('2026-11-23T00:00:00Z'));
function form(id: string): IntakeForm {
  const found = findIntakeForm(twilio.intake, id);
  if (!found.ok) throw new Error(found.message);
  return found.form;
}
const voice = form('voice');

const opened = parseInstant('2026-11-23T12:00:00-08:00');
const hoursBefore = (h: number) => formatInstant(opened - h * HOUR, 'America/Los_Angeles');
const sids = [
  'CAa91002aee7a8bafed519af3bb8f9dc85',
  'CA1f28b6c011f2be4c1f12349857786b45',
  'CAC0e4cbf8ff6e2c9fba7cc5387471be54',
  'CA0123456789abcdef0123456789abcdef',
];
const detailed = {
  description: 'Choppy audio after callers join the conference bridge.',
  call_sids: sids.slice(0, 3),
  examples_at: hoursBefore(2),
};

describe('validateIntake, twilio voice: the detailed path', () => {
  it('is ok and complete with a description, 3 call SIDs from 2 hours ago', () => {
    expect(validateIntake(voice, detailed, opened)).toEqual({ ok: true, complete: true, path: 'detailed', issues: [] });
  });

  it('accepts SIDs pasted as one text', () => {
    const result = validateIntake(voice, { ...detailed, call_sids: `${sids[0]}, ${sids[1]}` }, opened);
    expect(result).toMatchObject({ ok: true, complete: true, path: 'detailed' });
  });

  it('more than 3 examples is a warning only', () => {
    const result = validateIntake(voice, { ...detailed, call_sids: sids }, opened);
    expect(result.ok).toBe(true);
    expect(result.issues).toMatchObject([
      {
        field: 'call_sids',
        severity: 'warning',
        kind: 'advice',
        message:
          'Example call SIDs: 4 examples given; 3 are enough. Keep the clearest 3 of the same symptom, and file a separate ticket for a different symptom.',
      },
    ]);
  });

  it('examples 24–48 hours old are a best-effort warning; exactly 24 hours is fine', () => {
    expect(validateIntake(voice, { ...detailed, examples_at: hoursBefore(24) }, opened).issues).toEqual([]);
    const result = validateIntake(voice, { ...detailed, examples_at: hoursBefore(30) }, opened);
    expect(result).toMatchObject({ ok: true, complete: true });
    expect(result.issues).toMatchObject([
      {
        field: 'examples_at',
        severity: 'warning',
        kind: 'advice',
        message:
          'When the example calls happened is 30 hours before the ticket was opened. Examples from the last 24 hours are best; between 24 hours and 48 hours the providers are asked on a best-effort basis and may no longer have the records. Add a more recent example if you can.',
      },
    ]);
  });

  it('examples older than 48 hours are too old: an error, and the intake is not complete', () => {
    const result = validateIntake(voice, { ...detailed, examples_at: hoursBefore(50) }, opened);
    expect(result).toMatchObject({ ok: false, complete: false, path: null });
    expect(result.issues[0]).toMatchObject({
      field: 'examples_at',
      severity: 'error',
      kind: 'invalid',
      message:
        'When the example calls happened is 50 hours before the ticket was opened: older than 48 hours is too old to investigate, because providers keep these records for only about 24 hours. Give an example from the last 24 hours.',
    });
  });

  it('a message SID on the voice form is an error naming the right prefix', () => {
    const result = validateIntake(
      voice,
      { ...detailed, call_sids: [sids[0]!, sids[1]!, 'SMc0e4cbf8ff6e2c9f08fdc0f874710ad1'] },
      opened,
    );
    expect(result).toMatchObject({ ok: false, complete: false });
    expect(result.issues).toMatchObject([
      {
        field: 'call_sids',
        severity: 'error',
        kind: 'invalid',
        message: '"SMc0e4cbf8ff6e2c9f08fdc0f874710ad1" has the prefix SM (SMS message); this field needs call SIDs (CA…).',
      },
    ]);
  });

  it('rejects fields the form does not have and bad values in optional fields', () => {
    const result = validateIntake(voice, { ...detailed, from_number: '415-555', colour: 'red' }, opened);
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => [i.field, i.severity, i.kind])).toEqual([
      ['colour', 'error', 'invalid'],
      ['from_number', 'error', 'invalid'],
    ]);
    expect(result.issues[0]!.message).toContain('"colour" is not a field of the Voice form; remove it, or use one of: description, call_sids');
    expect(result.issues[1]!.message).toContain('+ and the country code');
  });

  it('a time that cannot be read says how to write it', () => {
    const result = validateIntake(voice, { ...detailed, examples_at: 'yesterday morning' }, opened);
    expect(result.issues[0]).toMatchObject({ field: 'examples_at', severity: 'error' });
    expect(result.issues[0]!.message).toContain('write it with its time zone offset, for example 2026-11-23T08:15:00-08:00');
  });
});

describe('validateIntake, twilio voice: the abridged path', () => {
  it('one call SID and its time with a description is complete, with a note on what would help', () => {
    const result = validateIntake(
      voice,
      { description: 'Echo 5 minutes into the call.', call_sids: sids[0], examples_at: hoursBefore(1) },
      opened,
    );
    expect(result).toMatchObject({ ok: true, complete: true, path: 'abridged' });
    expect(result.issues).toMatchObject([
      { field: 'form', severity: 'warning', kind: 'advice', message: expect.stringContaining('Adding Example call SIDs would speed up') },
    ]);
  });

  it('from number, to number and time instead of a SID is complete', () => {
    const result = validateIntake(
      voice,
      {
        description: 'Echo 5 minutes into the call.',
        from_number: '+1-415-555-1212',
        to_number: '+44 20 7946 0958',
        examples_at: hoursBefore(3),
      },
      opened,
    );
    expect(result).toMatchObject({ ok: true, complete: true, path: 'abridged' });
  });

  it('without a description nothing is complete: field-by-field errors and the short-form hint', () => {
    const result = validateIntake(voice, { call_sids: [sids[0]] }, opened);
    expect(result).toMatchObject({ ok: false, complete: false, path: null });
    expect(result.issues.map((i) => [i.field, i.severity, i.kind])).toEqual([
      ['description', 'error', 'missing'],
      ['call_sids', 'error', 'missing'],
      ['examples_at', 'error', 'missing'],
      ['form', 'error', 'missing'],
    ]);
    expect(result.issues[0]!.message).toMatch(/^What callers experienced is required\. One symptom per ticket/);
    expect(result.issues[1]!.message).toContain('give 2–3 example call SIDs (CA…) (1 valid so far)');
    expect(result.issues[3]!.message).toContain('If the full details are hard to collect: When details are hard to collect: one call SID');
  });

  it('an empty form lists everything the detailed path needs', () => {
    const result = validateIntake(voice, {}, opened);
    expect(result.complete).toBe(false);
    expect(result.issues.filter((i) => i.severity === 'error').map((i) => i.field)).toEqual([
      'description',
      'call_sids',
      'examples_at',
      'form',
    ]);
  });
});

describe('validateIntake: recency per product', () => {
  const messaging = form('messaging');
  const authy = form('authy');
  const other = form('other');

  it('messaging: examples within 72 hours are fine, older are too old', () => {
    const values = {
      description: 'Outbound messages to one carrier are delayed.',
      message_sids: ['SMc0e4cbf8ff6e2c9f08fdc0f874710ad1', 'SM1f28b6c011f2be4c1f12349857786b45'],
    };
    expect(validateIntake(messaging, { ...values, examples_at: hoursBefore(72) }, opened)).toMatchObject({ ok: true, issues: [] });
    const old = validateIntake(messaging, { ...values, examples_at: hoursBefore(73) }, opened);
    expect(old).toMatchObject({ ok: false, complete: false });
    expect(old.issues[0]!.message).toContain('older than 72 hours is too old');
  });

  it('messaging: MMS message SIDs (MM…) are message identifiers, alone or with SMS SIDs', () => {
    const values = {
      description: 'Pictures arrive without their media.',
      message_sids: ['MMc0e4cbf8ff6e2c9f08fdc0f874710ad1', 'SM1f28b6c011f2be4c1f12349857786b45'],
      examples_at: hoursBefore(5),
    };
    expect(validateIntake(messaging, values, opened)).toEqual({ ok: true, complete: true, path: 'detailed', issues: [] });
    const wrong = validateIntake(messaging, { ...values, message_sids: ['CAa91002aee7a8bafed519af3bb8f9dc85', values.message_sids[0]!] }, opened);
    expect(wrong.issues[0]!.message).toBe(
      '"CAa91002aee7a8bafed519af3bb8f9dc85" has the prefix CA (call); this field needs SMS message or MMS message SIDs (SM… or MM…).',
    );
  });

  it('messaging: the short form wants its one example from the last 48 hours (the full form: 72)', () => {
    const short = { description: 'One message arrived an hour late.', message_sids: 'MMc0e4cbf8ff6e2c9f08fdc0f874710ad1' };
    expect(validateIntake(messaging, { ...short, examples_at: hoursBefore(48) }, opened)).toMatchObject({ ok: true, complete: true, path: 'abridged' });
    const late = validateIntake(messaging, { ...short, examples_at: hoursBefore(60) }, opened);
    expect(late).toMatchObject({ ok: false, complete: false, path: null });
    expect(late.issues).toContainEqual({
      field: 'examples_at',
      severity: 'error',
      kind: 'invalid',
      code: 'intake.recency.tooOldForShortForm',
      args: { label: 'When the example messages were sent', age: 60 * HOUR, limit: 48 * HOUR, fullLimit: 72 * HOUR },
      message:
        'When the example messages were sent is 60 hours before the ticket was opened: the short form needs an example from the last 48 hours. Give a more recent example, or the full details (the examples the form asks for from the last 72 hours).',
    });
    // The same moment is fine with the full details.
    const full = { ...short, message_sids: [short.message_sids, 'SM1f28b6c011f2be4c1f12349857786b45'], examples_at: hoursBefore(60) };
    expect(validateIntake(messaging, full, opened)).toMatchObject({ ok: true, complete: true, path: 'detailed' });
    // The other short group (from, to and time) follows the same 48 hours.
    const numbers = { description: 'Late.', from_number: '+14155551212', to_number: '+14155551213' };
    expect(validateIntake(messaging, { ...numbers, examples_at: hoursBefore(47) }, opened)).toMatchObject({ complete: true, path: 'abridged' });
    expect(validateIntake(messaging, { ...numbers, examples_at: hoursBefore(49) }, opened)).toMatchObject({ complete: false });
  });

  it('authy: within 48 hours; the abridged path needs no time at all', () => {
    const values = { description: 'Codes do not arrive.', affected_users: '+14155551212' };
    expect(validateIntake(authy, { ...values, occurred_at: hoursBefore(47) }, opened)).toMatchObject({ ok: true, path: 'detailed' });
    expect(validateIntake(authy, { ...values, occurred_at: hoursBefore(49) }, opened)).toMatchObject({ ok: false, complete: false });
    expect(validateIntake(authy, values, opened)).toMatchObject({ ok: true, complete: true, path: 'abridged' });
  });

  it('other products: within 48 hours; a single SID in a list of 2–3 is a soft note', () => {
    const values = { description: 'Webhook not called.', sids: 'AC0123456789abcdef0123456789abcdef', examples_at: hoursBefore(40) };
    const result = validateIntake(other, values, opened);
    expect(result).toMatchObject({ ok: true, complete: true, path: 'detailed' });
    expect(result.issues).toMatchObject([
      { field: 'sids', severity: 'warning', kind: 'advice', message: expect.stringContaining('give 2–3 example') },
    ]);
    expect(validateIntake(other, { ...values, examples_at: hoursBefore(49) }, opened).ok).toBe(false);
  });

  it('a time after the ticket was opened is refused', () => {
    const result = validateIntake(other, { description: 'x', examples_at: formatInstant(opened + HOUR, 'UTC') }, opened);
    expect(result.issues[0]!.message).toContain('is after the ticket was opened');
  });
});

describe('validateIntake: 360dialog topics', () => {
  const dialog = registry.pack('360dialog').versionAt(opened);
  const found = findIntakeForm(dialog.intake, 'onboarding', 'topic');
  if (!found.ok) throw new Error(found.message);

  it('a select field takes only its options', () => {
    const result = validateIntake(
      found.form,
      { phone_number: '+49 30 901820', description: 'Signup stops.', step: 'Payment' },
      opened,
    );
    expect(result).toMatchObject({ ok: false, complete: false });
    expect(result.issues[0]).toMatchObject({
      field: 'step',
      severity: 'error',
      kind: 'invalid',
      message: '"Payment" is not one of the choices for Where it stops; choose one of: Signup, Embedded signup, Number registration, Business verification.',
    });
  });

  it('an unknown topic names the topics of the pack', () => {
    const missing = findIntakeForm(dialog.intake, 'billing', 'topic');
    expect(missing).toMatchObject({
      ok: false,
      field: 'topic',
      message: expect.stringContaining('"billing" is not an intake form of this support policy; use one of messaging (Sending or receiving messages), number_porting'),
    });
  });
});
