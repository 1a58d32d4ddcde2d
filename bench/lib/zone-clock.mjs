/**
 * Local wall-clock readings in an IANA zone from the platform's Intl data, independent of the
 * engine and of the process's TZ. Offsets are looked up once per UTC hour and cached (every zone
 * this bench uses changes its offset on whole hours).
 */

const HOUR_MS = 3_600_000;

export function createZoneClock(zone) {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const offsetByHour = new Map();

  function computeOffset(hourStartMs) {
    const parts = {};
    for (const part of format.formatToParts(hourStartMs)) parts[part.type] = Number(part.value);
    const wallAsUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
    return wallAsUtc - hourStartMs;
  }

  /** Milliseconds to add to a UTC instant to read its local wall clock. */
  function offsetAt(instantMs) {
    const hour = Math.floor(instantMs / HOUR_MS);
    let offset = offsetByHour.get(hour);
    if (offset === undefined) {
      offset = computeOffset(hour * HOUR_MS);
      offsetByHour.set(hour, offset);
    }
    return offset;
  }

  /** ISO 8601 with the zone's offset, to the second: `2026-03-02T10:15:00-08:00`. */
  function formatIso(instantMs) {
    const offset = offsetAt(instantMs);
    const wall = new Date(instantMs + offset).toISOString().slice(0, 19);
    const sign = offset < 0 ? '-' : '+';
    const minutes = Math.abs(offset) / 60_000;
    const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
    const mm = String(minutes % 60).padStart(2, '0');
    return `${wall}${sign}${hh}:${mm}`;
  }

  /** `Fri 2026-11-20 17:00` in the zone: for people reading the report. */
  function formatReadable(instantMs) {
    const local = new Date(instantMs + offsetAt(instantMs));
    const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][local.getUTCDay()];
    return `${weekday} ${local.toISOString().slice(0, 10)} ${local.toISOString().slice(11, 16)}`;
  }

  return { zone, offsetAt, formatIso, formatReadable };
}
