/**
 * Wall-clock readings for the reference, straight from `Intl.DateTimeFormat` (no zone tables of
 * our own). Slow and obvious: every question asks Intl.
 *
 * A "local" value is the wall time written as if it were UTC milliseconds: 2026-03-08 02:30 is
 * `Date.UTC(2026, 2, 8, 2, 30)`, whatever the zone.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The wall-clock reading of instant `t` in `zone`, as a local value (milliseconds kept). */
export function localOf(t: number, zone: string): number {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(zone).formatToParts(t)) parts[p.type] = p.value;
  let year = Number(parts.year);
  if (parts.era === 'BC' || parts.era === 'B') year = 1 - year;
  const wholeSeconds = Date.UTC(year, Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  const ms = ((t % 1000) + 1000) % 1000;
  const local = wholeSeconds + ms;
  // Date.UTC maps years 0..99 to 1900..1999; the reference only deals with recent years.
  if (year < 1000) throw new Error(`the reference only handles years from 1000 (got ${year})`);
  return local;
}

/** The zone's UTC offset at `t`, in milliseconds. */
export function offsetOf(t: number, zone: string): number {
  return localOf(t, zone) - t;
}

/**
 * The instant a local wall time names, by SPEC.md's rule: when the wall time happens once, that
 * instant; when it happens twice (clocks turned back), the earlier; when it never happens (clocks
 * turned forward), the wall time moved forward by the gap, i.e. read with the offset in force
 * before the change.
 *
 * Found by brute force: every offset the zone uses within a day and a half of the wall time gives a
 * candidate instant, and Intl says which candidates read back as that wall time.
 */
export function instantOfLocal(local: number, zone: string): number {
  const HOUR = 3_600_000;
  const offsets = new Set<number>();
  // Zone offsets lie within ±14h and change at most once in any 36 hours.
  for (const k of [-36, -12, 0, 12, 36]) offsets.add(offsetOf(local + k * HOUR, zone));
  const candidates = [...offsets].map((o) => local - o).sort((a, b) => a - b);
  const exact = candidates.filter((t) => localOf(t, zone) === local);
  if (exact.length > 0) return exact[0]!;
  // In a gap: the candidate read with the earlier (pre-change) offset lands after the wall time.
  const later = candidates.filter((t) => localOf(t, zone) > local);
  if (later.length === 0) throw new Error(`cannot place local time ${new Date(local).toISOString()} in ${zone}`);
  return later[0]!;
}
