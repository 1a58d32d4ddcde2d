/** ISO 8601 instants in and out: parsing requires an offset; formatting uses a zone's offset. */
import { civilFromDays, daysFromCivil, daysInMonth } from '../civil.js';
import { EngineError } from '../errors.js';
import { zoneRules } from '../zone/rules.js';
import { DAY, HOUR, MINUTE, SECOND } from '../units.js';

const TWO = Array.from({ length: 100 }, (_, i) => (i < 10 ? `0${i}` : String(i)));

function digits(s: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

function invalid(text: string, why: string): EngineError {
  const shown = typeof text === 'string' ? JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text) : String(text);
  return new EngineError('invalid_instant', `${shown} is not a valid instant: ${why} (expected ISO 8601 with an offset, e.g. 2026-11-20T17:00:00-08:00 or 2026-11-21T01:00:00Z)`);
}

/** Parses `YYYY-MM-DDTHH:MM[:SS[.fff]](Z|±HH:MM)` to epoch milliseconds. */
export function parseInstant(text: string): number {
  if (typeof text !== 'string') throw invalid(text, 'it is not a string');
  const n = text.length;
  if (n < 17) throw invalid(text, 'it is too short');
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const sep = text.charCodeAt(10);
  if (year < 0 || month < 0 || day < 0 || text[4] !== '-' || text[7] !== '-' || (sep !== 84 && sep !== 116 && sep !== 32)) {
    throw invalid(text, 'the date part must be YYYY-MM-DD followed by T');
  }
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  if (hour < 0 || minute < 0 || text[13] !== ':') throw invalid(text, 'the time part must be HH:MM[:SS]');
  let i = 16;
  let second = 0;
  let ms = 0;
  if (text[i] === ':') {
    second = digits(text, i + 1, 2);
    if (second < 0) throw invalid(text, 'the seconds must be two digits');
    i += 3;
    if (text[i] === '.' || text[i] === ',') {
      i++;
      const start = i;
      while (i < n && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
      const frac = text.slice(start, i);
      if (frac.length === 0 || frac.length > 9) throw invalid(text, 'the fraction of a second must have 1 to 9 digits');
      ms = Math.floor(Number(`0.${frac}`) * 1000 + 1e-7);
    }
  }
  if (month < 1 || month > 12) throw invalid(text, `month ${month} does not exist`);
  if (day < 1 || day > daysInMonth(year, month)) throw invalid(text, `day ${day} does not exist in that month`);
  if (hour > 23 || minute > 59 || second > 59) throw invalid(text, 'the time of day is out of range');
  let offset: number;
  const z = text[i];
  if ((z === 'Z' || z === 'z') && i + 1 === n) offset = 0;
  else if ((z === '+' || z === '-') && (i + 6 === n || i + 5 === n || i + 3 === n)) {
    const oh = digits(text, i + 1, 2);
    const om = i + 3 === n ? 0 : digits(text, i + (i + 6 === n ? 4 : 3), 2);
    if (oh < 0 || om < 0 || (i + 6 === n && text[i + 3] !== ':') || oh > 23 || om > 59) {
      throw invalid(text, 'the offset must be ±HH:MM');
    }
    offset = (z === '-' ? -1 : 1) * (oh * HOUR + om * MINUTE);
  } else if (i === n) {
    throw invalid(text, 'it has no offset; add Z or ±HH:MM so the moment is unambiguous');
  } else {
    throw invalid(text, 'unexpected characters after the time');
  }
  return daysFromCivil(year, month, day) * DAY + hour * HOUR + minute * MINUTE + second * SECOND + ms - offset;
}

/** Formats an instant as ISO 8601 with the zone's offset at that instant (`Z` for UTC zones). */
export function formatInstant(t: number, zone: string): string {
  if (!Number.isFinite(t)) throw new EngineError('invalid_instant', `cannot format ${t} as an instant`);
  const offset = zoneRules(zone).offsetAt(t);
  const local = t + offset;
  const days = Math.floor(local / DAY);
  let rest = local - days * DAY;
  const { year, month, day } = civilFromDays(days);
  const hour = Math.floor(rest / HOUR);
  rest -= hour * HOUR;
  const minute = Math.floor(rest / MINUTE);
  rest -= minute * MINUTE;
  const second = Math.floor(rest / SECOND);
  const ms = rest - second * SECOND;
  let out = `${year < 1000 ? String(year).padStart(4, '0') : year}-${TWO[month]}-${TWO[day]}T${TWO[hour]}:${TWO[minute]}:${TWO[second]}`;
  if (ms !== 0) out += `.${String(ms).padStart(3, '0')}`;
  if (offset === 0 && (zone === 'UTC' || zone === 'Etc/UTC')) return `${out}Z`;
  const abs = Math.abs(offset);
  const oh = Math.floor(abs / HOUR);
  const om = Math.floor((abs - oh * HOUR) / MINUTE);
  return `${out}${offset < 0 ? '-' : '+'}${TWO[oh]}:${TWO[om]}`;
}
