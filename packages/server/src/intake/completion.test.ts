import { HOUR, parseInstant } from '@hourglass/engine';
import { loadShippedPacks } from '@hourglass/policy';
import { describe, expect, it } from 'vitest';
import { intakeCompletedAt, isIntakeComplete } from './completion.js';

const registry = await loadShippedPacks();
const opened = parseInstant('2026-11-23T10:00:00+01:00');
const dialog = registry.pack('360dialog').versionAt(opened);
const exotel = registry.pack('exotel').versionAt(opened);
const porting = { phone_number: '+49 30 901820', description: 'Migration stuck since Friday.', previous_provider: 'Acme Telecom' };

describe('isIntakeComplete', () => {
  it('a 360dialog ticket is complete once its topic’s required fields are usable', () => {
    expect(isIntakeComplete(dialog.intake, { form: 'number_porting', values: porting, openedAt: opened })).toBe(true);
    const { previous_provider: _, ...partial } = porting;
    expect(isIntakeComplete(dialog.intake, { form: 'number_porting', values: partial, openedAt: opened })).toBe(false);
    expect(
      isIntakeComplete(dialog.intake, { form: 'number_porting', values: { ...porting, phone_number: '030 901820' }, openedAt: opened }),
    ).toBe(false);
  });

  it('a ticket of a pack with forms needs a known topic; a pack without forms has nothing to complete', () => {
    expect(isIntakeComplete(dialog.intake, { form: null, values: porting, openedAt: opened })).toBe(false);
    expect(isIntakeComplete(dialog.intake, { form: 'billing', values: porting, openedAt: opened })).toBe(false);
    expect(isIntakeComplete(exotel.intake, { form: null, values: {}, openedAt: opened })).toBe(true);
  });
});

describe('intakeCompletedAt', () => {
  const later = opened + 2 * HOUR;

  it('completes at the change that made the intake complete, and stays completed', () => {
    const partial = { form: 'number_porting', values: { description: 'Stuck.' }, openedAt: opened };
    expect(intakeCompletedAt(dialog.intake, partial, { previous: null, at: opened })).toBeNull();
    const full = { ...partial, values: porting };
    expect(intakeCompletedAt(dialog.intake, full, { previous: null, at: later })).toBe(later);
    expect(intakeCompletedAt(dialog.intake, partial, { previous: later, at: later + HOUR })).toBe(later);
  });
});
