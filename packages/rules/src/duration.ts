/** Durations as policy packs write them: `30min`, `2h`, `1h30m`, `1.5h`, `PT1H30M`; or milliseconds. */

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;

const UNIT: Readonly<Record<string, number>> = {
  h: HOUR, hr: HOUR, hrs: HOUR, hour: HOUR, hours: HOUR,
  m: MINUTE, min: MINUTE, mins: MINUTE, minute: MINUTE, minutes: MINUTE,
  s: SECOND, sec: SECOND, secs: SECOND, second: SECOND, seconds: SECOND,
};
const ISO = /^PT(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?$/i;

/**
 * A pack duration in milliseconds, read by the same grammar as the policy packs' validator;
 * `null` when it cannot be read (a pack the policy checks accepted always can be).
 */
export function readDuration(value: string | number): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : null;
  const text = value.trim();
  if (text === '' || text.startsWith('-')) return null;
  const iso = ISO.exec(text);
  if (iso) {
    if (!iso[1] && !iso[2] && !iso[3]) return null;
    return Math.round(Number(iso[1] ?? 0) * HOUR + Number(iso[2] ?? 0) * MINUTE + Number(iso[3] ?? 0) * SECOND);
  }
  if (/^P/i.test(text)) return null;
  const part = /(\d+(?:\.\d+)?)\s*([a-z]+)/gy;
  let total = 0;
  let pos = 0;
  while (pos < text.length) {
    while (text[pos] === ' ') pos++;
    if (pos >= text.length) break;
    part.lastIndex = pos;
    const m = part.exec(text);
    if (!m) return null;
    const unit = UNIT[m[2]!.toLowerCase()];
    if (unit === undefined) return null;
    total += Number(m[1]) * unit;
    pos = part.lastIndex;
  }
  return Math.round(total);
}
