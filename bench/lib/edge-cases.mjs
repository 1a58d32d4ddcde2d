/**
 * A few hand-picked questions at the edges of the semantics (closing times, starts between whole
 * minutes, observed holidays, DST weekends, year end), asked of every implementation beside the
 * random workload. The expected answers are worked out by hand from SPEC.md; the bench also
 * checks them against the brute force before trusting it as a referee.
 */

const MINUTE_MS = 60_000;

const CASES = [
  { what: 'due exactly at Friday closing', start: '2026-11-20T17:00:00-08:00', minutes: 60, expected: '2026-11-20T18:00:00-08:00' },
  { what: 'Friday evening into Monday', start: '2026-11-20T17:00:00-08:00', minutes: 120, expected: '2026-11-23T07:00:00-08:00' },
  { what: 'start exactly at closing', start: '2026-03-02T18:00:00-08:00', minutes: 60, expected: '2026-03-03T07:00:00-08:00' },
  { what: 'start 30 s before closing', start: '2026-03-02T17:59:30-08:00', minutes: 60, expected: '2026-03-03T06:59:30-08:00' },
  { what: 'start 1 s before opening', start: '2026-03-03T05:59:59-08:00', minutes: 90, expected: '2026-03-03T07:30:00-08:00' },
  { what: 'start on observed Independence Day (Fri)', start: '2026-07-03T09:00:00-07:00', minutes: 240, expected: '2026-07-06T10:00:00-07:00' },
  { what: 'across Thanksgiving and the day after', start: '2026-11-25T16:00:00-08:00', minutes: 240, expected: '2026-11-30T08:00:00-08:00' },
  { what: 'across the spring-forward weekend', start: '2026-03-06T15:00:00-08:00', minutes: 300, expected: '2026-03-09T08:00:00-07:00' },
  { what: 'across the fall-back weekend', start: '2026-10-30T16:30:00-07:00', minutes: 120, expected: '2026-11-02T06:30:00-08:00' },
  { what: 'New Year 2028 observed Fri 31 Dec 2027', start: '2027-12-30T12:00:00-08:00', minutes: 480, expected: '2028-01-03T08:00:00-08:00' },
];

/**
 * @returns {{ what: string, startMs: number, minutes: number, durationMs: number, expectedMs: number, stepMs: number }[]}
 *   `stepMs` is the brute-force step that fits the start (a second when it is between minutes).
 */
export function edgeCases() {
  return CASES.map((edge) => {
    const startMs = Date.parse(edge.start);
    const expectedMs = Date.parse(edge.expected);
    if (Number.isNaN(startMs) || Number.isNaN(expectedMs)) {
      throw new Error(`edge case "${edge.what}" has an unparseable instant`);
    }
    return {
      what: edge.what,
      startMs,
      minutes: edge.minutes,
      durationMs: edge.minutes * MINUTE_MS,
      expectedMs,
      stepMs: startMs % MINUTE_MS === 0 ? MINUTE_MS : 1000,
    };
  });
}
