/**
 * The guidance at a field and the service's check of the same value give the same verdicts: the
 * same cases go through the service's intake validation (the pack's forms as the service reads
 * them) and through the page's guidance (the forms as the intake-forms API returns them, dates
 * read as the page reads them).
 */
import { loadShippedPacks } from '@hourglass/policy';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findIntakeForm, validateIntake } from '../../../server/src/intake/index.js';
import type { IntakeFieldSpec, IntakeForms } from '../api/types.js';
import { type GuidanceContext, guideField, ruleFieldOf, verdictsAt } from './guidance.js';

const registry = await loadShippedPacks();
const opened = Date.parse('2026-11-23T12:00:00-08:00');
const HOUR = 3_600_000;

/** A pack version's intake as the service reads it, and as the intake-forms API sends it to the page. */
function bothSides(packId: string) {
  const version = registry.pack(packId).versionAt(opened);
  const api = JSON.parse(JSON.stringify({ sid_format: version.intake?.sid_format ?? null, forms: version.intake?.forms ?? [] })) as Pick<IntakeForms, 'sid_format' | 'forms'>;
  const context: GuidanceContext = { now: opened, sidHexLength: api.sid_format?.hex_length, sidKinds: api.sid_format?.kinds };
  return { intake: version.intake, api, context };
}

const sides = { twilio: bothSides('twilio'), '360dialog': bothSides('360dialog'), exotel: bothSides('exotel') };
type PackId = keyof typeof sides;

type Values = Readonly<Record<string, string>>;

/**
 * What the service says of a ticket's values at one field, and what the page says at that field:
 * judged with the whole form (`whole`), as the pages do, or the field on its own.
 */
function judge(packId: PackId, formId: string, values: Values, fieldId: string, whole = true) {
  const { intake, api, context } = sides[packId];
  const found = findIntakeForm(intake, formId);
  if (!found.ok) throw new Error(found.message);
  const service = validateIntake(found.form, values, opened)
    .issues.filter((i) => i.field === fieldId)
    .map(({ field, severity, kind, code, args }) => ({ field, severity, kind, code, args }));
  const form = api.forms.find((f) => f.id === formId)!;
  const spec = form.fields.find((f) => f.id === fieldId)! as IntakeFieldSpec;
  const at: GuidanceContext = whole ? { ...context, form, values } : context;
  const value = values[fieldId] ?? '';
  return { service, page: verdictsAt(ruleFieldOf(spec), value, at)!.verdicts, shown: guideField(spec, value, at), blank: value.trim() === '' };
}

/** The verdicts agree, and the page shows the service's first error, else its first warning, else that all is well. */
function expectAgreement(packId: PackId, formId: string, values: Values, fieldId: string, whole = true) {
  const { service, page, shown, blank } = judge(packId, formId, values, fieldId, whole);
  expect(page).toEqual(service);
  const first = service.find((i) => i.severity === 'error') ?? service.find((i) => i.severity === 'warning');
  if (!first) {
    expect(shown === null || shown.tone === 'ok').toBe(true);
  } else {
    expect(shown?.message).toEqual(first);
    expect(shown?.tone).toBe(blank ? 'info' : first.severity);
  }
}

/** Every field of a form judged, each against the same values. */
function expectFormAgreement(packId: PackId, formId: string, values: Values) {
  for (const field of sides[packId].api.forms.find((f) => f.id === formId)!.fields) expectAgreement(packId, formId, values, field.id);
}

const hex = fc.constantFrom(...'0123456789abcdefABCDEF');
const notHex = fc.constantFrom('z', 'X', '-', 'é', 'O');
const prefix = fc.constantFrom('CA', 'SM', 'MM', 'RM', 'AC', 'ca', 'Sm', 'ZZ', '12', 'C');
const sidLike = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(prefix, fc.array(hex, { minLength: 32, maxLength: 32 })).map(([p, h]) => p + h.join('')) },
  { weight: 2, arbitrary: fc.tuple(prefix, fc.array(hex, { minLength: 0, maxLength: 40 })).map(([p, h]) => p + h.join('')) },
  { weight: 1, arbitrary: fc.tuple(prefix, fc.array(fc.oneof(hex, notHex), { minLength: 30, maxLength: 34 })).map(([p, h]) => p + h.join('')) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
);
const separator = fc.constantFrom(' ', ', ', ';', '\n', ' ,\t');
const sidList = fc.tuple(fc.array(sidLike, { maxLength: 5 }), separator, fc.boolean()).map(([items, sep, repeat]) => [...items, ...(repeat && items[0] ? [items[0]] : [])].join(sep));

/** An instant written in ISO 8601 with an offset, as the page sends it and the service reads it. */
const isoWithOffset = fc.tuple(fc.integer({ min: -6 * HOUR, max: 120 * HOUR }), fc.integer({ min: -11, max: 12 })).map(([ageMs, offsetHours]) => {
  const at = new Date(opened - ageMs + offsetHours * HOUR);
  const sign = offsetHours < 0 ? '-' : '+';
  const hh = String(Math.abs(offsetHours)).padStart(2, '0');
  return `${at.toISOString().slice(0, 19)}${sign}${hh}:00`;
});
const phoneLike = fc.oneof(
  fc.tuple(fc.constantFrom('+', '', '00', '+0'), fc.array(fc.constantFrom(...'0123456789'), { minLength: 3, maxLength: 17 }), fc.constantFrom('', ' ', '-', '.')).map(([lead, digits, sep]) =>
    lead + digits.map((d, i) => (i > 0 && i % 3 === 0 ? sep + d : d)).join(''),
  ),
  fc.string({ maxLength: 12 }),
);

describe('the page’s guidance and the service’s check agree', () => {
  it('on lists of SIDs (twilio voice and messaging): shape, prefix, duplicates and example counts', () => {
    fc.assert(
      fc.property(fc.constantFrom(['voice', 'call_sids'], ['messaging', 'message_sids']), sidList, fc.boolean(), ([form, field], value, whole) =>
        expectAgreement('twilio', form!, { [field!]: value }, field!, whole),
      ),
      { numRuns: 400 },
    );
  });

  it('on date-times: how recent, after the opening, unreadable', () => {
    fc.assert(
      fc.property(fc.constantFrom('voice', 'messaging'), fc.oneof({ weight: 5, arbitrary: isoWithOffset }, { weight: 1, arbitrary: fc.string({ maxLength: 10 }) }), (form, value) =>
        expectAgreement('twilio', form, { examples_at: value }, 'examples_at'),
      ),
      { numRuns: 300 },
    );
  });

  it('on phone numbers', () => {
    fc.assert(fc.property(phoneLike, fc.boolean(), (value, whole) => expectAgreement('twilio', 'voice', { from_number: value }, 'from_number', whole)), { numRuns: 300 });
  });

  it('on whole forms: the detailed path, the short form and its stricter recency, what is still missing', () => {
    const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
    const messaging = fc.record({
      description: maybe(fc.constantFrom('Outbound messages to one carrier are delayed.', ' ')),
      message_sids: maybe(sidList),
      examples_at: maybe(isoWithOffset),
      from_number: maybe(phoneLike),
      to_number: maybe(fc.constant('+1 415 555 1213')),
    });
    const voice = fc.record({ description: maybe(fc.constant('Choppy audio.')), call_sids: maybe(sidList), examples_at: maybe(isoWithOffset), from_number: maybe(phoneLike), to_number: maybe(phoneLike) });
    const defined = (values: Record<string, string | undefined>) => Object.fromEntries(Object.entries(values).filter((e): e is [string, string] => e[1] !== undefined));
    fc.assert(fc.property(messaging, (values) => expectFormAgreement('twilio', 'messaging', defined(values))), { numRuns: 300 });
    fc.assert(fc.property(voice, (values) => expectFormAgreement('twilio', 'voice', defined(values))), { numRuns: 300 });
  });

  it('on every field of every shipped form, blank and with a plain value', () => {
    for (const packId of Object.keys(sides) as PackId[]) {
      for (const form of sides[packId].api.forms) {
        for (const field of form.fields) {
          for (const value of ['', '   ', 'something', field.options?.[0] ?? '+49 30 901820']) {
            expectAgreement(packId, form.id, { [field.id]: value }, field.id);
            expectAgreement(packId, form.id, { [field.id]: value }, field.id, false);
          }
        }
      }
    }
  });

  it('on the fixed cases the pages show (a too-short SID, a wrong prefix, a best-effort time)', () => {
    expect(judge('twilio', 'voice', { call_sids: 'CA0123' }, 'call_sids').service[0]).toMatchObject({ code: 'intake.sid.length', args: { count: 4, length: 32 } });
    expect(judge('twilio', 'voice', { call_sids: `SM${'0'.repeat(32)}` }, 'call_sids').shown?.message).toMatchObject({ code: 'intake.sid.wrongPrefix', args: { kinds: ['call'] } });
    const late = new Date(opened - 30 * HOUR).toISOString();
    expect(judge('twilio', 'voice', { examples_at: late }, 'examples_at').shown).toMatchObject({ tone: 'warning', message: { code: 'intake.recency.bestEffort' } });
  });
});
