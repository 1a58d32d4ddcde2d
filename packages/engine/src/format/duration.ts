/** Durations as people write them in policy files: `30min`, `2h`, `1h30m`, `1.5h`, `PT1H30M`. */
import { EngineError } from '../errors.js';
import { HOUR, MINUTE, SECOND } from '../units.js';

const UNIT: Record<string, number> = {
  h: HOUR, hr: HOUR, hrs: HOUR, hour: HOUR, hours: HOUR,
  m: MINUTE, min: MINUTE, mins: MINUTE, minute: MINUTE, minutes: MINUTE,
  s: SECOND, sec: SECOND, secs: SECOND, second: SECOND, seconds: SECOND,
};
const PART = /(\d+(?:\.\d+)?)\s*([a-z]+)/gy;
const ISO = /^PT(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?$/i;

function bad(text: string, why: string): EngineError {
  return new EngineError('invalid_duration', `${JSON.stringify(text)} is not a valid duration: ${why} (write e.g. 30min, 2h, 1h30m, 1.5h or PT1H30M)`);
}

/** Parses a duration to milliseconds; throws `EngineError('invalid_duration')` with the reason. */
export function parseDuration(text: string): number {
  if (typeof text !== 'string') throw bad(String(text), 'it is not a string');
  const s = text.trim();
  if (s.startsWith('-')) throw bad(text, 'it must not be negative');
  if (s.length === 0) throw bad(text, 'it is empty');
  const iso = ISO.exec(s);
  if (iso) {
    if (!iso[1] && !iso[2] && !iso[3]) throw bad(text, 'it has no hours, minutes or seconds');
    return Math.round(Number(iso[1] ?? 0) * HOUR + Number(iso[2] ?? 0) * MINUTE + Number(iso[3] ?? 0) * SECOND);
  }
  if (/^P/i.test(s)) throw bad(text, 'ISO durations may use hours, minutes and seconds only (business days are a separate operation)');
  let total = 0;
  let pos = 0;
  PART.lastIndex = 0;
  while (pos < s.length) {
    while (s[pos] === ' ') pos++;
    if (pos >= s.length) break;
    PART.lastIndex = pos;
    const m = PART.exec(s);
    if (!m) throw bad(text, `cannot read "${s.slice(pos)}"`);
    const unit = UNIT[m[2]!.toLowerCase()];
    if (unit === undefined) throw bad(text, `unknown unit "${m[2]}"`);
    total += Number(m[1]) * unit;
    pos = PART.lastIndex;
  }
  return Math.round(total);
}

/** Milliseconds to a compact human form: `2h 30m`, `45m`, `1h`, `0m`, `20s`. */
export function formatDuration(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  let rest = Math.abs(Math.round(ms));
  const h = Math.floor(rest / HOUR);
  rest -= h * HOUR;
  const m = Math.floor(rest / MINUTE);
  rest -= m * MINUTE;
  const s = Math.floor(rest / SECOND);
  const parts: string[] = [];
  if (h) parts.push(`${h}h`);
  if (m) parts.push(`${m}m`);
  if (s) parts.push(`${s}s`);
  return sign + (parts.length ? parts.join(' ') : '0m');
}
