/**
 * The twilio pack's "major US holidays", worked out here from the rules in SPEC.md without the
 * engine, so the peers and the brute force get explicit dates from an independent source.
 * Fixed dates on a Saturday are observed the Friday before, on a Sunday the Monday after.
 */

const DAY_MS = 86_400_000;

function utcDay(year, month, day) {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** 0 = Sunday … 6 = Saturday, for a day number since 1970-01-01 (a Thursday). */
export function weekdayOfDay(dayNumber) {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

export function isoDateOfDay(dayNumber) {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

function observed(dayNumber) {
  const weekday = weekdayOfDay(dayNumber);
  if (weekday === 6) return dayNumber - 1;
  if (weekday === 0) return dayNumber + 1;
  return dayNumber;
}

/** The n-th (1-based) given weekday of a month, or the last one when nth is -1. */
function nthWeekday(year, month, weekday, nth) {
  if (nth === -1) {
    const last = utcDay(year, month + 1, 0);
    return last - ((weekdayOfDay(last) - weekday + 7) % 7);
  }
  const first = utcDay(year, month, 1);
  return first + ((weekday - weekdayOfDay(first) + 7) % 7) + (nth - 1) * 7;
}

function holidaysOfYear(year) {
  const thanksgiving = nthWeekday(year, 11, 4, 4);
  return [
    { day: observed(utcDay(year, 1, 1)), name: "New Year's Day" },
    { day: nthWeekday(year, 5, 1, -1), name: 'Memorial Day' },
    { day: observed(utcDay(year, 7, 4)), name: 'Independence Day' },
    { day: nthWeekday(year, 9, 1, 1), name: 'Labor Day' },
    { day: thanksgiving, name: 'Thanksgiving Day' },
    { day: thanksgiving + 1, name: 'Day after Thanksgiving' },
    { day: observed(utcDay(year, 12, 25)), name: 'Christmas Day' },
  ];
}

/**
 * Holidays whose observed date lies in [fromYear-01-01, toYear-12-31], sorted.
 * @returns {{ date: string, day: number, name: string }[]}
 */
export function majorUsHolidays(fromYear, toYear) {
  const first = utcDay(fromYear, 1, 1);
  const last = utcDay(toYear, 12, 31);
  const found = [];
  for (let year = fromYear - 1; year <= toYear + 1; year++) {
    for (const holiday of holidaysOfYear(year)) {
      if (holiday.day >= first && holiday.day <= last) {
        found.push({ ...holiday, date: isoDateOfDay(holiday.day) });
      }
    }
  }
  return found.sort((a, b) => a.day - b.day);
}
