/**
 * Re-targeting open tickets when a calendar changes: every open ticket whose targets count on it is
 * recomputed with the code a command runs (`refreshClocks`), and its targets, clock columns and
 * timers are written set-based, in batches. `retargetCalendars` for a known change (an admin's
 * calendar edit); `retargetChangedCalendars` to find changes by fingerprint (start-up, the CLI).
 */
export { affectedTickets, type AffectedTickets } from './affected.js';
export { calendarFingerprint, catalogFingerprints, type CalendarFingerprint } from './fingerprint.js';
export { retargetCalendars, type CalendarChange, type RetargetOptions, type RetargetReport } from './service.js';
export { changedCalendars, retargetChangedCalendars, type CalendarCheck, type CalendarCheckOptions } from './startup.js';
export { retarget, type RetargetRun } from './run.js';
