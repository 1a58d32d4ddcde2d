import fc from 'fast-check';
import { loadShippedPacks } from '@hourglass/policy';
import { describe, expect, it } from 'vitest';
import { COMPONENT_STATUSES, type ComponentStatus, type SpanStatus } from '../incidents/tables.js';
import { STATUS_RANK, statusDurations, type TimedSpan } from '../incidents/status-timeline.js';
import { attainmentCell, type AttainmentInput } from './attainment.js';
import { isBelow, measureMonth } from './measure.js';
import { parseMonth } from './month.js';
import { type AvailabilityTerms, claimStateAt, percentOf, termsOf, thresholdFor, versionForMonth } from './terms.js';

const MIN = 60_000;
const at = (iso: string) => Date.parse(iso);
const span = (status: SpanStatus, start: string, end: string | null): TimedSpan => ({ status, start: at(start), end: end === null ? null : at(end) });
const month = (text: string) => parseMonth(text)!;
/** Long after every month measured here: all are over. */
const LATER = at('2030-01-01T00:00:00Z');
const TWILIO_TERMS: AvailabilityTerms = {
  defaultThreshold: 99.95,
  partialShare: 0.3,
  creditPercent: 10,
  claimWindowDays: 30,
  packages: [
    { id: 'email_deliverability', name: 'Email Deliverability package', component: 'mail-send', threshold: 99.99 },
    { id: 'email_experts', name: 'Email Experts as a Service package', component: 'mail-send', threshold: 99.99 },
  ],
};

describe('availability of a month (hand-computed)', () => {
  it('February 2026 (28 days): 30 minutes of major outage', () => {
    // A = 28 × 1440 = 40 320 min; B = 30; (40 320 − 30) / 40 320 = 99.925595…%
    const m = measureMonth([span('major_outage', '2026-02-10T08:00:00Z', '2026-02-10T08:30:00Z')], month('2026-02'), LATER, 0.3)!;
    expect(m.measuredMs / MIN).toBe(40_320);
    expect(m.downMs / MIN).toBe(30);
    expect(m.availability).toBeCloseTo((100 * 40_290) / 40_320, 12);
    expect(m.availability).toBeCloseTo(99.925595, 6);
    // 99.95% of 40 320 min allows 20.16 min down: 30 is below.
    expect(isBelow(m, 99.95)).toBe(true);
  });

  it('February 2024 (29 days, leap year): exactly at 99.95% is not below, one millisecond more is', () => {
    // A = 29 × 1440 = 41 760 min; 0.05% of it = 20.88 min = 1 252 800 ms.
    const exact = measureMonth([{ status: 'major_outage', start: at('2024-02-29T12:00:00Z'), end: at('2024-02-29T12:00:00Z') + 1_252_800 }], month('2024-02'), LATER, 0.3)!;
    expect(exact.measuredMs / MIN).toBe(41_760);
    expect(exact.downMs).toBe(1_252_800);
    expect(isBelow(exact, 99.95)).toBe(false);
    const over = measureMonth([{ status: 'major_outage', start: at('2024-02-29T12:00:00Z'), end: at('2024-02-29T12:00:00Z') + 1_252_801 }], month('2024-02'), LATER, 0.3)!;
    expect(isBelow(over, 99.95)).toBe(true);
  });

  it('April 2026 (30 days): partial outage at a share of 0.3; degraded performance and maintenance do not count', () => {
    // A = 30 × 1440 = 43 200 min. Partial 100 min → 0.3 × 100 = 30 min; degraded 500 min and
    // maintenance 240 min count as available. B = 30; (43 200 − 30) / 43 200 = 99.930555…%
    const m = measureMonth(
      [
        span('partial_outage', '2026-04-03T10:00:00Z', '2026-04-03T11:40:00Z'),
        span('degraded_performance', '2026-04-05T00:00:00Z', '2026-04-05T08:20:00Z'),
        span('under_maintenance', '2026-04-07T02:00:00Z', '2026-04-07T06:00:00Z'),
      ],
      month('2026-04'),
      LATER,
      0.3,
    )!;
    expect(m.measuredMs / MIN).toBe(43_200);
    expect(m.partialMs / MIN).toBe(100);
    expect(m.majorMs).toBe(0);
    expect(m.downMs / MIN).toBeCloseTo(30, 9);
    expect(m.availability).toBeCloseTo((100 * 43_170) / 43_200, 12);
    expect(isBelow(m, 99.95)).toBe(true); // 99.95% allows 21.6 min
    // At a share of 0.2 the same month has B = 20 min ≤ 21.6: not below.
    expect(isBelow(measureMonth([span('partial_outage', '2026-04-03T10:00:00Z', '2026-04-03T11:40:00Z')], month('2026-04'), LATER, 0.2)!, 99.95)).toBe(false);
  });

  it('an incident across a month boundary is split: 60 minutes in January (31 days), 90 in February', () => {
    const spans = [span('major_outage', '2026-01-31T23:00:00Z', '2026-02-01T01:30:00Z')];
    const january = measureMonth(spans, month('2026-01'), LATER, 0.3)!;
    const february = measureMonth(spans, month('2026-02'), LATER, 0.3)!;
    // January: A = 31 × 1440 = 44 640 min, B = 60 → 44 580 / 44 640 = 99.865591…%
    expect(january.measuredMs / MIN).toBe(44_640);
    expect(january.downMs / MIN).toBe(60);
    expect(january.availability).toBeCloseTo((100 * 44_580) / 44_640, 12);
    // February: A = 40 320 min, B = 90 → 40 230 / 40 320 = 99.776785…%
    expect(february.downMs / MIN).toBe(90);
    expect(february.availability).toBeCloseTo((100 * 40_230) / 40_320, 12);
  });

  it('overlapping incidents on one component count once; a major outage inside a partial one counts as major', () => {
    // Major 10:00–11:00 and major 10:30–11:30: 90 min, not 120. Partial 09:00–12:00 around them:
    // partial only 09:00–10:00 and 11:30–12:00 = 90 min → 0.3 × 90 = 27. B = 90 + 27 = 117 min.
    const m = measureMonth(
      [
        span('major_outage', '2026-03-02T10:00:00Z', '2026-03-02T11:00:00Z'),
        span('major_outage', '2026-03-02T10:30:00Z', '2026-03-02T11:30:00Z'),
        span('partial_outage', '2026-03-02T09:00:00Z', '2026-03-02T12:00:00Z'),
      ],
      month('2026-03'),
      LATER,
      0.3,
    )!;
    expect(m.majorMs / MIN).toBe(90);
    expect(m.partialMs / MIN).toBe(90);
    expect(m.downMs / MIN).toBeCloseTo(117, 9);
    // March: A = 44 640; (44 640 − 117) / 44 640 = 99.737903…%
    expect(m.availability).toBeCloseTo((100 * (44_640 - 117)) / 44_640, 12);
  });

  it('a month in progress is measured so far and never owes a credit; a month not begun is not measured', () => {
    // Now = 10 April 00:00: 9 days measured = 12 960 min; 60 min down → 12 900 / 12 960 = 99.537037…%
    const now = at('2026-04-10T00:00:00Z');
    const spans = [span('major_outage', '2026-04-02T00:00:00Z', '2026-04-02T01:00:00Z')];
    const m = measureMonth(spans, month('2026-04'), now, 0.3)!;
    expect(m.inProgress).toBe(true);
    expect(m.measuredMs / MIN).toBe(12_960);
    expect(m.availability).toBeCloseTo((100 * 12_900) / 12_960, 12);
    expect(measureMonth(spans, month('2026-05'), now, 0.3)).toBeNull();
    const cell = attainmentCell(input({ now, spans: new Map([['c1', spans]]) }), MAIL_SEND, month('2026-04'))!;
    expect(cell.in_progress).toBe(true);
    expect(cell.shortfall).toBe(false);
    expect(cell.credit).toBeNull();
    expect(cell.claim.state).toBe('not_ended');
  });
});

const MAIL_SEND = { id: 'c1', key: 'mail-send', name: 'Mail Send' };
function input(over: Partial<AttainmentInput>): AttainmentInput {
  return { months: [], components: [MAIL_SEND], spans: new Map(), termsFor: () => TWILIO_TERMS, held: [], fees: [], requests: [], now: LATER, ...over };
}

describe('thresholds, packages and credits', () => {
  // March 2026: A = 44 640 min; 10 min of major outage → 44 630 / 44 640 = 99.977598…%:
  // above 99.95% (22.32 min allowed) but below 99.99% (4.464 min allowed).
  const march = month('2026-03');
  const spans = new Map([['c1', [span('major_outage', '2026-03-20T00:00:00Z', '2026-03-20T00:10:00Z')]]]);
  const fee = { component_id: 'c1', month: '2026-03', amount: '1234.56', currency: 'USD' };

  it('a package that starts mid-month raises that month to 99.99%: shortfall, 10% of the fee owed', () => {
    const held = [{ package_id: 'email_deliverability', starts_on: '2026-03-15', ends_on: null }];
    expect(thresholdFor(TWILIO_TERMS, 'mail-send', held, march)).toEqual({ threshold: 99.99, package: { id: 'email_deliverability', name: 'Email Deliverability package' } });
    const cell = attainmentCell(input({ spans, held, fees: [fee] }), MAIL_SEND, march)!;
    expect(cell.availability).toBeCloseTo((100 * 44_630) / 44_640, 12);
    expect(cell.threshold).toBe(99.99);
    expect(cell.shortfall).toBe(true);
    // 10% × 1 234.56 = 123.456 → 123.46 (half up to the cent)
    expect(cell.credit).toEqual({ percent: 10, amount: '123.46', currency: 'USD' });
    // March ends 1 April 00:00 UTC; 30 days later the window closes on 1 May 00:00 UTC.
    expect(cell.claim).toMatchObject({ state: 'closed', closes_at: '2026-05-01T00:00:00.000Z' });
  });

  it('a package that ended before the month, or starts after it, leaves 99.95%: no shortfall', () => {
    for (const held of [
      [{ package_id: 'email_deliverability', starts_on: '2025-05-01', ends_on: '2026-02-28' }],
      [{ package_id: 'email_experts', starts_on: '2026-04-01', ends_on: null }],
      // A package on another component does not apply to mail-send.
      [{ package_id: 'other', starts_on: '2026-01-01', ends_on: null }],
    ]) {
      const cell = attainmentCell(input({ spans, held, fees: [fee] }), MAIL_SEND, march)!;
      expect(cell.threshold).toBe(99.95);
      expect(cell.package).toBeNull();
      expect(cell.shortfall).toBe(false);
      expect(cell.credit).toBeNull();
      expect(cell.claim.state).toBe('no_shortfall');
    }
    // Ending on the month's first day still counts: it was held on a day of the month.
    expect(thresholdFor(TWILIO_TERMS, 'mail-send', [{ package_id: 'email_experts', starts_on: '2025-01-01', ends_on: '2026-03-01' }], march).threshold).toBe(99.99);
  });

  it('a shortfall without a fee entered owes a credit whose amount is not known yet', () => {
    const held = [{ package_id: 'email_experts', starts_on: '2026-03-31', ends_on: null }];
    const cell = attainmentCell(input({ spans, held }), MAIL_SEND, march)!;
    expect(cell.credit).toEqual({ percent: 10, amount: null, currency: null });
  });

  it('credit amounts are exact decimals', () => {
    expect(percentOf('1234.56', 10)).toBe('123.46');
    expect(percentOf('0.05', 10)).toBe('0.01'); // 0.005 rounds half up
    expect(percentOf('0.04', 10)).toBe('0.00');
    expect(percentOf('99999999999999.99', 10)).toBe('10000000000000.00'); // 9 999 999 999 999.999 rounds up to 10 000 000 000 000.00
    expect(percentOf('200', 12.5)).toBe('25.00');
  });

  it('the claim window: February 2026 ends 1 March 00:00 UTC; day 30 after it (30 March) may claim, day 31 may not', () => {
    const feb = month('2026-02');
    expect(claimStateAt(feb, 30, at('2026-02-28T23:59:59.999Z'))).toBe('not_ended');
    expect(claimStateAt(feb, 30, at('2026-03-01T00:00:00Z'))).toBe('open');
    expect(claimStateAt(feb, 30, at('2026-03-30T23:59:59.999Z'))).toBe('open');
    expect(claimStateAt(feb, 30, at('2026-03-31T00:00:00Z'))).toBe('closed');
  });

  it('Twilio’s terms for a month are those in force on its last instant: 99.99% packages from April 2025', async () => {
    const twilio = (await loadShippedPacks()).pack('twilio');
    expect(termsOf(versionForMonth(twilio, month('2025-03'))!)!.packages).toEqual([]);
    const april = termsOf(versionForMonth(twilio, month('2025-04'))!)!;
    expect(april).toMatchObject({ defaultThreshold: 99.95, partialShare: 0.3, creditPercent: 10, claimWindowDays: 30 });
    expect(april.packages.map((p) => p.id)).toEqual(['email_deliverability', 'email_experts']);
    expect(versionForMonth(twilio, month('2019-12'))).toBeNull();
  });
});

/** The worst status at each whole minute, counted minute by minute: the reference statusDurations must match. */
function bruteForce(spans: readonly TimedSpan[], fromMin: number, toMin: number): Record<ComponentStatus, number> {
  const totals = Object.fromEntries(COMPONENT_STATUSES.map((s) => [s, 0])) as Record<ComponentStatus, number>;
  for (let t = fromMin; t < toMin; t += 1) {
    let worst: ComponentStatus = 'operational';
    for (const s of spans) {
      const start = s.start / MIN;
      const end = s.end === null ? Infinity : s.end / MIN;
      if (start <= t && t < end && STATUS_RANK[s.status] > STATUS_RANK[worst]) worst = s.status;
    }
    totals[worst] += MIN;
  }
  return totals;
}

describe('statusDurations against a minute-by-minute count', () => {
  it('agrees on any spans, overlapping or open', () => {
    const spanArb = fc
      .record({
        status: fc.constantFrom<SpanStatus>('degraded_performance', 'partial_outage', 'major_outage', 'under_maintenance'),
        start: fc.integer({ min: 0, max: 600 }),
        length: fc.option(fc.integer({ min: 0, max: 300 }), { nil: null }),
      })
      .map(({ status, start, length }) => ({ status, start: start * MIN, end: length === null ? null : (start + length) * MIN }));
    fc.assert(
      fc.property(fc.array(spanArb, { maxLength: 8 }), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 500 }), (spans, from, length) => {
        expect(statusDurations(spans, from * MIN, (from + length) * MIN)).toEqual(bruteForce(spans, from, from + length));
      }),
      { numRuns: 300 },
    );
  });
});
