/** `hourglass calendar show`: a calendar's next open periods and the holidays and closures among them. */
import { DAY, formatDuration, formatInstant, parseDate, parseInstant, type Segment } from '@hourglass/engine';
import type { PolicyRegistry } from '@hourglass/policy';
import { flag, optionalNumber, optionalString, parseFlags, wantsHelp, type ParsedArgs } from '../../args.js';
import type { Command } from '../../command.js';
import { messageOf, UsageError } from '../../errors.js';
import { describeRange, localTime, startOfLocalDate, weekdayOf } from '../../format/local-time.js';
import { describeCalendar, describeWeekly } from '../../format/weekly.js';
import { writeLine } from '../../io.js';
import { findCalendar } from '../../lookup/calendars.js';
import { closuresBetween, nextPeriods, periodsBetween, type Closure } from './periods.js';

const MAX_DAYS = 3660;
const MAX_COUNT = 1000;

export const CALENDAR_SHOW_HELP = `hourglass calendar show: a calendar's next open periods, holidays and closures

Usage:
  hourglass calendar show ID [--policy P] [--from INSTANT|DATE] [--days N | --count N] [--json]

Examples:
  hourglass calendar show twilio-business-hours --from 2026-11-23
  hourglass calendar show exotel-sme --count 5 --json

Flags:
  --policy P          the pack that defines the calendar (needed only when several packs define it)
  --from INSTANT|DATE where to start: an ISO 8601 instant with an offset, or a date (YYYY-MM-DD) read
                      in the calendar's zone (default: now)
  --days N            list the open periods of the next N days (default: 7)
  --count N           list the next N open periods instead
  --pack-version V    use this pack version instead of the one in force at --from
  --json              print JSON instead of text
  -h, --help          show this help`;

const FLAGS = {
  policy: { type: 'string' },
  from: { type: 'string' },
  days: { type: 'string' },
  count: { type: 'string' },
  'pack-version': { type: 'string' },
  json: { type: 'boolean' },
} as const;

interface Listing {
  from: number;
  to: number;
  periods: Segment[];
  closures: Closure[];
}

function fromFlag(parsed: ParsedArgs, now: number): { instant: number } | { date: string } {
  const text = optionalString(parsed, 'from');
  if (text === undefined) return { instant: now };
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    if (parseDate(text) === undefined) throw new UsageError(`--from: "${text}" is not a date`);
    return { date: text };
  }
  try {
    return { instant: parseInstant(text) };
  } catch (error) {
    throw new UsageError(`--from takes an ISO 8601 instant with an offset or a date (YYYY-MM-DD): ${messageOf(error)}`);
  }
}

function limited(parsed: ParsedArgs, name: string, max: number): number | undefined {
  const value = optionalNumber(parsed, name, true);
  if (value !== undefined && (value < 1 || value > max)) throw new UsageError(`--${name} must be from 1 to ${max} (got ${value})`);
  return value;
}

function closureLine(c: Closure): string {
  return `  ${weekdayOf(c.date)} ${c.date}   ${c.kind === 'holiday' ? c.name : c.kind === 'closed' ? `closed: ${c.name}` : c.name}`;
}

export function calendarShowCommand(loadRegistry: () => Promise<PolicyRegistry>): Command {
  return {
    path: ['calendar', 'show'],
    summary: "a calendar's next open periods, holidays and closures",
    help: CALENDAR_SHOW_HELP,
    async run(args, io) {
      const parsed = parseFlags(args, FLAGS, true);
      if (wantsHelp(parsed)) {
        writeLine(io.stdout, CALENDAR_SHOW_HELP);
        return 0;
      }
      if (parsed.positionals.length !== 1) {
        throw new UsageError(parsed.positionals.length === 0 ? 'name the calendar (e.g. hourglass calendar show twilio-business-hours)' : `one calendar at a time (got ${parsed.positionals.join(', ')})`);
      }
      const id = parsed.positionals[0]!;
      const days = limited(parsed, 'days', MAX_DAYS);
      const count = limited(parsed, 'count', MAX_COUNT);
      if (days !== undefined && count !== undefined) throw new UsageError('give either --days or --count, not both');
      const start = fromFlag(parsed, io.now());
      const registry = await loadRegistry();
      const policy = optionalString(parsed, 'policy');
      const probe = 'instant' in start ? start.instant : Date.parse(`${start.date}T12:00:00Z`);
      const { pack, version, calendar, zone } = findCalendar(registry, id, policy, probe, optionalString(parsed, 'pack-version'));
      const from = 'instant' in start ? start.instant : startOfLocalDate(start.date, zone);
      let listing: Listing;
      if (count !== undefined) {
        const periods = nextPeriods(calendar, from, count);
        const to = periods[periods.length - 1]?.end ?? from;
        listing = { from, to, periods, closures: closuresBetween(calendar, localTime(from, zone).date, localTime(to, zone).date) };
      } else {
        const to = from + (days ?? 7) * DAY;
        listing = { from, to, periods: periodsBetween(calendar, from, to), closures: closuresBetween(calendar, localTime(from, zone).date, localTime(to - 1, zone).date) };
      }
      if (flag(parsed, 'json')) {
        const json = {
          calendar: id,
          name: calendar.name,
          zone,
          policy: pack.id,
          pack_version: version.id,
          always_open: calendar.alwaysOpen,
          weekly: describeWeekly(calendar.spec),
          from: formatInstant(listing.from, zone),
          to: formatInstant(listing.to, zone),
          open_periods: listing.periods.map((p) => ({
            start: formatInstant(p.start, zone),
            end: formatInstant(p.end, zone),
            weekday: localTime(p.start, zone).weekday,
            duration_ms: p.end - p.start,
          })),
          closures: listing.closures.map((c) => ({ ...c, weekday: weekdayOf(c.date) })),
        };
        writeLine(io.stdout, JSON.stringify(json, null, 2));
        return 0;
      }
      const lines = [`${id} (${pack.id} version ${version.id}): ${describeCalendar(calendar.spec)}`];
      if (calendar.alwaysOpen) {
        lines.push('Always open: every hour of every day counts.');
      } else {
        const span = count !== undefined ? `the next ${count} open period${count === 1 ? '' : 's'}` : `${describeRange(listing.from, listing.to, zone)}`;
        lines.push('', `Open periods (${span}):`);
        if (listing.periods.length === 0) lines.push('  (none)');
        for (const p of listing.periods) lines.push(`  ${describeRange(p.start, p.end, zone)}   ${formatDuration(p.end - p.start)}`);
        lines.push('', 'Holidays and closures:');
        if (listing.closures.length === 0) lines.push('  (none in this range)');
        for (const c of listing.closures) lines.push(closureLine(c));
      }
      writeLine(io.stdout, lines.join('\n'));
      return 0;
    },
  };
}
