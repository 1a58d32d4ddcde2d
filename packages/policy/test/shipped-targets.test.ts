/**
 * Every target of the three shipped packs, worked out by hand from SPEC.md and written down with
 * its offset: around closing times, nights, weekends, holidays and DST changes.
 *
 * Calendars (SPEC.md):
 * - twilio-business-hours: Mon–Fri 06:00–18:00 America/Los_Angeles (PST -08:00, PDT -07:00 from
 *   2026-03-08 to 2026-11-01), closed New Year's Day, Memorial Day, Independence Day, Labor Day,
 *   Thanksgiving and the day after, Christmas Day (Saturday → Friday before, Sunday → Monday after).
 * - 360dialog-standard: Mon–Fri 02:00–22:00 Europe/Berlin (CET +01:00, CEST +02:00 from 2026-03-29
 *   to 2026-10-25); 360dialog-premium: Mon–Fri all day, Sat–Sun 09:00–17:00 Europe/Berlin.
 * - exotel-sme: every day 08:00–22:00 Asia/Kolkata (+05:30); 24x7 for exotel enterprise and for
 *   twilio premium/personalized P1.
 */
import { formatInstant, parseInstant } from '@hourglass/engine';
import { PolicyError, loadShippedPacks, type PolicyRegistry } from '@hourglass/policy';
import { beforeAll, describe, expect, it } from 'vitest';

interface TargetCase {
  policy: string;
  plan: string;
  priority: string;
  metric: string;
  start: string;
  /** The due time, or null where the plan has no target. */
  due: string | null;
  /** The calendar the target counts in. */
  calendar?: string;
  why: string;
}

const TW = 'twilio-business-hours';

const twilio = (plan: string, priority: string, start: string, due: string | null, why: string, calendar = TW): TargetCase => ({
  policy: 'twilio',
  plan,
  priority,
  metric: 'first_response',
  start,
  due,
  ...(due === null ? {} : { calendar }),
  why,
});

const dialog = (plan: string, priority: string, start: string, due: string, why: string): TargetCase => ({
  policy: '360dialog',
  plan,
  priority,
  metric: 'first_response',
  start,
  due,
  calendar: `360dialog-${plan}`,
  why,
});

const exotel = (plan: string, priority: string, metric: string, start: string, due: string, why: string): TargetCase => ({
  policy: 'exotel',
  plan,
  priority,
  metric,
  start,
  due,
  calendar: plan === 'enterprise' ? '24x7' : 'exotel-sme',
  why,
});

const CASES: TargetCase[] = [
  // twilio bootstrap: P1 2h, P2 4h, P3 8h business hours.
  twilio('bootstrap', 'P1', '2026-11-16T10:00:00-08:00', '2026-11-16T12:00:00-08:00', 'inside one day'),
  twilio('bootstrap', 'P1', '2026-11-20T17:00:00-08:00', '2026-11-23T07:00:00-08:00', 'Fri 1h, then Mon 1h'),
  twilio('bootstrap', 'P1', '2026-11-20T16:00:00-08:00', '2026-11-20T18:00:00-08:00', 'due exactly at the Friday close'),
  twilio('bootstrap', 'P1', '2026-11-20T18:00:00-08:00', '2026-11-23T08:00:00-08:00', 'start exactly at the close counts from Monday 06:00'),
  twilio('bootstrap', 'P1', '2026-11-20T17:59:00-08:00', '2026-11-23T07:59:00-08:00', 'one minute before the close: 1 min Fri, 119 min Mon'),
  twilio('bootstrap', 'P2', '2026-11-20T18:00:00-08:00', '2026-11-23T10:00:00-08:00', 'start at the close, P2'),
  twilio('bootstrap', 'P3', '2026-11-21T10:00:00-08:00', '2026-11-23T14:00:00-08:00', 'Saturday start waits for Monday 06:00'),
  twilio('bootstrap', 'P2', '2026-11-17T23:30:00-08:00', '2026-11-18T10:00:00-08:00', 'night start'),
  twilio('bootstrap', 'P2', '2026-11-18T05:59:00-08:00', '2026-11-18T10:00:00-08:00', 'one minute before the opening'),
  twilio('bootstrap', 'P3', '2026-11-16T06:00:00-08:00', '2026-11-16T14:00:00-08:00', 'start exactly at the opening'),
  twilio('bootstrap', 'P3', '2026-11-16T10:00:00-08:00', '2026-11-16T18:00:00-08:00', '8h due exactly at the close'),
  twilio('bootstrap', 'P3', '2026-11-16T10:01:00-08:00', '2026-11-17T06:01:00-08:00', 'one minute past the close rolls to the next morning'),
  twilio('bootstrap', 'P3', '2026-11-25T15:00:00-08:00', '2026-11-30T11:00:00-08:00', 'Wed 3h, Thanksgiving and the day after, weekend, Mon 5h'),
  twilio('bootstrap', 'P1', '2026-11-26T09:00:00-08:00', '2026-11-30T08:00:00-08:00', 'start on Thanksgiving'),
  twilio('bootstrap', 'P2', '2026-11-27T12:00:00-08:00', '2026-11-30T10:00:00-08:00', 'start on the day after Thanksgiving'),
  twilio('bootstrap', 'P3', '2026-12-24T16:00:00-08:00', '2026-12-28T12:00:00-08:00', 'Christmas Day (Fri) closed; Christmas Eve is not'),
  twilio('bootstrap', 'P2', '2026-12-31T17:00:00-08:00', '2027-01-04T09:00:00-08:00', "New Year's Day 2027 (Fri) closed"),
  twilio('bootstrap', 'P1', '2027-12-30T17:00:00-08:00', '2028-01-03T07:00:00-08:00', "New Year's Day 2028 (Sat) observed Fri 2027-12-31"),
  twilio('bootstrap', 'P1', '2027-12-23T17:00:00-08:00', '2027-12-27T07:00:00-08:00', 'Christmas 2027 (Sat) observed Fri 2027-12-24'),
  twilio('bootstrap', 'P2', '2026-07-02T16:00:00-07:00', '2026-07-06T08:00:00-07:00', 'Independence Day 2026 (Sat) observed Fri 2026-07-03'),
  twilio('bootstrap', 'P1', '2026-07-03T10:00:00-07:00', '2026-07-06T08:00:00-07:00', 'start on the observed Independence Day'),
  twilio('bootstrap', 'P3', '2026-05-22T17:00:00-07:00', '2026-05-26T13:00:00-07:00', 'Memorial Day (Mon 2026-05-25) closed'),
  twilio('bootstrap', 'P3', '2026-09-04T12:00:00-07:00', '2026-09-08T08:00:00-07:00', 'Labor Day (Mon 2026-09-07) closed'),
  twilio('bootstrap', 'P1', '2026-03-06T17:00:00-08:00', '2026-03-09T07:00:00-07:00', 'across the US spring-forward weekend'),
  twilio('bootstrap', 'P2', '2026-10-30T17:00:00-07:00', '2026-11-02T09:00:00-08:00', 'across the US fall-back weekend'),
  twilio('bootstrap', 'P3', '2026-03-08T03:30:00-07:00', '2026-03-09T14:00:00-07:00', 'start on the spring-forward Sunday'),
  twilio('bootstrap', 'P3', '2026-11-01T01:30:00-08:00', '2026-11-02T14:00:00-08:00', 'start in the repeated hour of the fall-back Sunday'),
  twilio('bootstrap', 'P2', '2026-11-01T01:30:00-07:00', '2026-11-02T10:00:00-08:00', 'start in the first pass of the repeated hour'),
  twilio('bootstrap', 'P1', '2026-11-21T01:00:00Z', '2026-11-23T07:00:00-08:00', 'start given in UTC (Fri 17:00 PST)'),
  // twilio premium and personalized: P1 1h on 24x7, P2 2h, P3 3h business hours.
  twilio('premium', 'P1', '2026-11-21T10:00:00-08:00', '2026-11-21T11:00:00-08:00', 'P1 on 24x7 runs on Saturday', '24x7'),
  twilio('personalized', 'P1', '2026-11-20T17:30:00-08:00', '2026-11-20T18:30:00-08:00', 'P1 on 24x7 runs past the close', '24x7'),
  twilio('premium', 'P1', '2026-11-26T23:30:00-08:00', '2026-11-27T00:30:00-08:00', 'P1 on 24x7 runs on Thanksgiving night', '24x7'),
  twilio('premium', 'P1', '2026-03-08T01:30:00-08:00', '2026-03-08T03:30:00-07:00', 'one elapsed hour across spring-forward', '24x7'),
  twilio('personalized', 'P1', '2026-11-01T01:30:00-07:00', '2026-11-01T01:30:00-08:00', 'one elapsed hour across fall-back', '24x7'),
  twilio('premium', 'P1', '2026-06-10T12:00:00-07:00', '2026-06-10T13:00:00-07:00', 'P1 mid-week', '24x7'),
  twilio('premium', 'P2', '2026-11-20T17:00:00-08:00', '2026-11-23T07:00:00-08:00', 'P2 in business hours: Fri 1h, Mon 1h'),
  twilio('personalized', 'P3', '2026-11-20T16:00:00-08:00', '2026-11-23T07:00:00-08:00', 'P3: Fri 2h, Mon 1h'),
  twilio('personalized', 'P3', '2026-11-25T17:00:00-08:00', '2026-11-30T08:00:00-08:00', 'P3 across Thanksgiving'),
  twilio('premium', 'P2', '2026-12-31T17:30:00-08:00', '2027-01-04T07:30:00-08:00', "P2 across New Year's Day"),
  twilio('premium', 'P3', '2026-03-06T16:00:00-08:00', '2026-03-09T07:00:00-07:00', 'P3 across spring-forward'),
  twilio('personalized', 'P2', '2026-10-30T16:30:00-07:00', '2026-11-02T06:30:00-08:00', 'P2 across fall-back'),
  twilio('personalized', 'P2', '2026-11-16T16:00:00-08:00', '2026-11-16T18:00:00-08:00', 'P2 due exactly at the close'),
  // twilio free: no guarantee.
  twilio('free', 'P1', '2026-11-16T10:00:00-08:00', null, 'free has no target'),
  twilio('free', 'P2', '2026-11-21T10:00:00-08:00', null, 'free has no target'),
  twilio('free', 'P3', '2026-11-26T10:00:00-08:00', null, 'free has no target'),
  // twilio before the 2025-04 version took effect (2025-04-01T00:00:00-07:00).
  twilio('bootstrap', 'P1', '2024-11-27T17:00:00-08:00', '2024-12-02T07:00:00-08:00', '2020-01 terms: Thanksgiving 2024 and the day after'),
  twilio('bootstrap', 'P2', '2025-03-31T17:00:00-07:00', '2025-04-01T09:00:00-07:00', 'opened under 2020-01 terms an hour before 2025-04'),
  twilio('premium', 'P1', '2025-03-31T23:30:00-07:00', '2025-04-01T00:30:00-07:00', '2020-01 terms, P1 on 24x7', '24x7'),

  // 360dialog standard: critical 4h, urgent 8h, standard 24h; Mon–Fri 02:00–22:00 Berlin.
  dialog('standard', 'critical', '2026-11-16T10:00:00+01:00', '2026-11-16T14:00:00+01:00', 'inside one day'),
  dialog('standard', 'critical', '2026-11-20T20:00:00+01:00', '2026-11-23T04:00:00+01:00', 'Fri 2h, Mon from 02:00 2h'),
  dialog('standard', 'critical', '2026-11-20T18:00:00+01:00', '2026-11-20T22:00:00+01:00', 'due exactly at the close'),
  dialog('standard', 'critical', '2026-11-20T22:00:00+01:00', '2026-11-23T06:00:00+01:00', 'start exactly at the close'),
  dialog('standard', 'critical', '2026-11-20T21:59:00+01:00', '2026-11-23T05:59:00+01:00', 'one minute before the close'),
  dialog('standard', 'critical', '2026-11-16T21:00:00Z', '2026-11-17T06:00:00+01:00', 'start given in UTC, exactly at the Monday close'),
  dialog('standard', 'urgent', '2026-11-17T23:00:00+01:00', '2026-11-18T10:00:00+01:00', 'night start'),
  dialog('standard', 'urgent', '2026-11-18T00:30:00+01:00', '2026-11-18T10:00:00+01:00', 'after midnight, before the 02:00 opening'),
  dialog('standard', 'standard', '2026-11-16T10:00:00+01:00', '2026-11-17T14:00:00+01:00', '24h: Mon 12h, Tue 12h'),
  dialog('standard', 'standard', '2026-11-19T12:00:00+01:00', '2026-11-20T16:00:00+01:00', '24h: Thu 10h, Fri 14h'),
  dialog('standard', 'standard', '2026-11-20T12:00:00+01:00', '2026-11-23T16:00:00+01:00', '24h: Fri 10h, weekend, Mon 14h'),
  dialog('standard', 'standard', '2026-11-21T12:00:00+01:00', '2026-11-24T06:00:00+01:00', '24h from Saturday: Mon 20h, Tue 4h'),
  dialog('standard', 'critical', '2026-03-27T20:00:00+01:00', '2026-03-30T04:00:00+02:00', 'across the EU spring-forward weekend'),
  dialog('standard', 'urgent', '2026-10-23T18:00:00+02:00', '2026-10-26T06:00:00+01:00', 'across the EU fall-back weekend'),
  // 360dialog premium: critical 30min, urgent 2h, standard 24h; Mon–Fri all day, Sat–Sun 09:00–17:00.
  dialog('premium', 'critical', '2026-11-21T10:00:00+01:00', '2026-11-21T10:30:00+01:00', 'Saturday hours'),
  dialog('premium', 'critical', '2026-11-21T16:45:00+01:00', '2026-11-22T09:15:00+01:00', 'Sat 15 min, Sun from 09:00 15 min'),
  dialog('premium', 'critical', '2026-11-21T16:30:00+01:00', '2026-11-21T17:00:00+01:00', 'due exactly at the Saturday close'),
  dialog('premium', 'critical', '2026-11-21T17:00:00+01:00', '2026-11-22T09:30:00+01:00', 'start exactly at the Saturday close'),
  dialog('premium', 'critical', '2026-11-21T08:00:00+01:00', '2026-11-21T09:30:00+01:00', 'Saturday before the 09:00 opening'),
  dialog('premium', 'critical', '2026-11-20T23:45:00+01:00', '2026-11-21T09:15:00+01:00', 'Friday night runs to midnight, then Saturday 09:00'),
  dialog('premium', 'urgent', '2026-11-22T16:00:00+01:00', '2026-11-23T01:00:00+01:00', 'Sun 1h, Monday from midnight 1h'),
  dialog('premium', 'urgent', '2026-11-18T03:00:00+01:00', '2026-11-18T05:00:00+01:00', 'weekday night is open on premium'),
  dialog('premium', 'standard', '2026-11-20T12:00:00+01:00', '2026-11-22T13:00:00+01:00', '24h: Fri 12h, Sat 8h, Sun 4h'),
  dialog('premium', 'standard', '2026-11-21T09:00:00+01:00', '2026-11-23T08:00:00+01:00', '24h: Sat 8h, Sun 8h, Mon 8h'),
  dialog('premium', 'critical', '2026-03-28T16:50:00+01:00', '2026-03-29T09:20:00+02:00', 'Saturday before spring-forward, Sunday in CEST'),
  dialog('premium', 'urgent', '2026-10-25T08:00:00+01:00', '2026-10-25T11:00:00+01:00', 'fall-back Sunday, before the opening'),
  dialog('premium', 'urgent', '2026-10-23T23:00:00+02:00', '2026-10-24T10:00:00+02:00', 'Fri 1h, Sat from 09:00 1h'),
  dialog('premium', 'standard', '2026-03-29T12:00:00+02:00', '2026-03-30T19:00:00+02:00', '24h: spring-forward Sun 5h, Mon 19h'),

  // exotel enterprise: 24x7; acknowledgment 30min, response sev1 2h, sev2 5h, sev3 24h, sev4 24h.
  exotel('enterprise', 'sev1', 'acknowledgment', '2026-11-21T23:50:00+05:30', '2026-11-22T00:20:00+05:30', '24x7 across midnight'),
  exotel('enterprise', 'sev1', 'response', '2026-11-21T23:50:00+05:30', '2026-11-22T01:50:00+05:30', '24x7 on a weekend night'),
  exotel('enterprise', 'sev2', 'response', '2026-11-20T21:00:00+05:30', '2026-11-21T02:00:00+05:30', '5h elapsed'),
  exotel('enterprise', 'sev3', 'response', '2026-11-20T21:00:00+05:30', '2026-11-21T21:00:00+05:30', '24h elapsed'),
  exotel('enterprise', 'sev4', 'response', '2026-11-20T15:30:00Z', '2026-11-21T21:00:00+05:30', 'start given in UTC'),
  exotel('enterprise', 'sev4', 'acknowledgment', '2026-03-08T09:45:00Z', '2026-03-08T15:45:00+05:30', 'US DST changes nothing'),
  exotel('enterprise', 'sev2', 'acknowledgment', '2026-11-22T03:00:00+05:30', '2026-11-22T03:30:00+05:30', 'night'),
  // exotel sme: every day 08:00–22:00 Kolkata.
  exotel('sme', 'sev1', 'acknowledgment', '2026-11-21T10:00:00+05:30', '2026-11-21T10:30:00+05:30', 'Saturday is open'),
  exotel('sme', 'sev1', 'acknowledgment', '2026-11-21T21:45:00+05:30', '2026-11-22T08:15:00+05:30', '15 min, then 08:00 next day'),
  exotel('sme', 'sev2', 'acknowledgment', '2026-11-21T21:30:00+05:30', '2026-11-21T22:00:00+05:30', 'due exactly at the close'),
  exotel('sme', 'sev3', 'acknowledgment', '2026-11-21T22:00:00+05:30', '2026-11-22T08:30:00+05:30', 'start exactly at the close'),
  exotel('sme', 'sev4', 'acknowledgment', '2026-11-22T02:00:00+05:30', '2026-11-22T08:30:00+05:30', 'night start'),
  exotel('sme', 'sev1', 'response', '2026-11-21T21:00:00+05:30', '2026-11-22T09:00:00+05:30', 'Sat 1h, Sun 1h'),
  exotel('sme', 'sev2', 'response', '2026-11-21T19:00:00+05:30', '2026-11-22T10:00:00+05:30', '5h: Sat 3h, Sun 2h'),
  exotel('sme', 'sev3', 'response', '2026-11-20T10:00:00+05:30', '2026-11-21T20:00:00+05:30', '24h: Fri 12h, Sat 12h'),
  exotel('sme', 'sev4', 'response', '2026-11-20T08:00:00+05:30', '2026-11-21T18:00:00+05:30', '24h: Fri 14h, Sat 10h'),
  exotel('sme', 'sev2', 'response', '2026-03-08T21:00:00+05:30', '2026-03-09T12:00:00+05:30', '5h: Sun 1h, Mon 4h'),
  exotel('sme', 'sev1', 'acknowledgment', '2026-11-21T16:30:00Z', '2026-11-22T03:00:00Z', 'start given in UTC, exactly at the close'),
  exotel('smb', 'sev1', 'response', '2026-11-21T21:00:00+05:30', '2026-11-22T09:00:00+05:30', 'plan alias smb'),
  exotel('smb', 'sev4', 'acknowledgment', '2026-11-22T21:59:00+05:30', '2026-11-23T08:29:00+05:30', 'plan alias smb, one minute before the close'),
  // next_update counts from the last public update (Table B's response time frames).
  exotel('enterprise', 'sev1', 'next_update', '2026-11-21T23:30:00+05:30', '2026-11-22T01:30:00+05:30', '2h around the clock'),
  exotel('enterprise', 'sev2', 'next_update', '2026-11-21T22:00:00+05:30', '2026-11-22T03:00:00+05:30', '5h around the clock'),
  exotel('sme', 'sev1', 'next_update', '2026-11-21T21:45:00+05:30', '2026-11-22T09:45:00+05:30', 'Sat 15 min, Sun 1h45'),
  exotel('sme', 'sev2', 'next_update', '2026-11-23T20:00:00+05:30', '2026-11-24T11:00:00+05:30', '5h: Mon 2h, Tue 3h'),
  exotel('sme', 'sev3', 'next_update', '2026-11-20T10:00:00+05:30', '2026-11-21T20:00:00+05:30', '24h: Fri 12h, Sat 12h'),
];

let registry: PolicyRegistry;
beforeAll(async () => {
  registry = await loadShippedPacks();
});

describe('shipped pack targets, worked out by hand', () => {
  it('has enough cases to cover every target', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(90);
  });

  it.each(CASES.map((c) => [`${c.policy} ${c.plan} ${c.priority} ${c.metric} from ${c.start}: ${c.why}`, c] as const))('%s', (_, c) => {
    const start = parseInstant(c.start);
    const version = registry.pack(c.policy).versionAt(start);
    const target = version.resolveTarget(c.plan, c.priority, c.metric);
    if (c.due === null) {
      expect(target).toBeNull();
      return;
    }
    expect(target, 'a target').not.toBeNull();
    expect(target!.calendarId).toBe(c.calendar);
    const due = target!.calendar.addBusinessTime(start, target!.duration);
    // Compared as instants; the message shows the engine's answer in the expected offset's zone.
    expect(due, `due ${formatInstant(due, target!.calendar.zone)}, expected ${c.due}`).toBe(parseInstant(c.due));
  });
});

describe('shipped pack targets with bad names', () => {
  it('names the valid plans, priorities and metrics', () => {
    const twilioNow = registry.pack('twilio').versionAt(parseInstant('2026-11-16T10:00:00-08:00'));
    const failure = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(PolicyError);
        return e as PolicyError;
      }
      throw new Error('expected a PolicyError');
    };
    const plan = failure(() => twilioNow.resolveTarget('gold', 'P1', 'first_response'));
    expect([plan.code, plan.message]).toEqual(['unknown_plan', expect.stringMatching(/gold.*bootstrap/s)]);
    const priority = failure(() => twilioNow.resolveTarget('bootstrap', 'P9', 'first_response'));
    expect([priority.code, priority.message]).toEqual(['unknown_priority', expect.stringMatching(/P9.*P1/s)]);
    const metric = failure(() => twilioNow.resolveTarget('bootstrap', 'P1', 'resolution_time'));
    expect([metric.code, metric.message]).toEqual(['unknown_metric', expect.stringMatching(/resolution_time.*first_response/s)]);
    const pack = failure(() => registry.pack('acme'));
    expect([pack.code, pack.message]).toEqual(['unknown_pack', expect.stringMatching(/acme.*twilio/s)]);
  });
});
