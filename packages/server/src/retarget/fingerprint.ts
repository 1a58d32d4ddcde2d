import { createHash } from 'node:crypto';
import { canonicalJson } from '../canonical-json.js';
import type { CatalogPackVersion, PolicyCatalog } from '../policy/catalog.js';

/** The years whose holidays a fingerprint lists: wide enough for any ticket's clock, fixed so it does not change with the date. */
const HOLIDAY_YEARS = { from: '2000-01-01', to: '2099-12-31' } as const;

/** One compiled calendar of one pack version and what it counts as open time, as a hash. */
export interface CalendarFingerprint {
  packId: string;
  packVersion: string;
  calendarId: string;
  fingerprint: string;
}

/**
 * The fingerprint of a compiled calendar: its definition (zone, hours, exceptions, holiday rules)
 * with the holiday dates those rules give over this century, so a holiday added to the file, or a
 * change in what a holiday library returns, changes it. Stable across processes and restarts.
 */
export function calendarFingerprint(version: CatalogPackVersion, calendarId: string): string {
  const schedule = version.calendar(calendarId);
  const holidays = schedule.alwaysOpen ? [] : schedule.holidaysBetween(HOLIDAY_YEARS.from, HOLIDAY_YEARS.to);
  return createHash('sha256').update(canonicalJson({ spec: schedule.spec, holidays })).digest('hex');
}

/** The fingerprint of every calendar of every pack version the catalog holds. */
export function catalogFingerprints(registry: PolicyCatalog): CalendarFingerprint[] {
  return registry.packIds().flatMap((packId) =>
    registry.pack(packId).versions.flatMap((version) =>
      version.calendarIds().map((calendarId) => ({ packId, packVersion: version.id, calendarId, fingerprint: calendarFingerprint(version, calendarId) })),
    ),
  );
}
