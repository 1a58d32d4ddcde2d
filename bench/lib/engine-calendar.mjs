/**
 * Our side: the twilio business-hours calendar compiled by @hourglass/engine, taken from the
 * shipped twilio policy pack when @hourglass/policy provides it, else from the same CalendarSpec
 * written out here.
 */
import { compileCalendar } from '@hourglass/engine';

const CALENDAR_ID = 'twilio-business-hours';
const WORKDAY = [{ from: '06:00', to: '18:00' }];

/** SPEC.md's twilio business hours as a CalendarSpec. */
export const TWILIO_BUSINESS_HOURS_SPEC = Object.freeze({
  id: CALENDAR_ID,
  zone: 'America/Los_Angeles',
  weekly: { mon: WORKDAY, tue: WORKDAY, wed: WORKDAY, thu: WORKDAY, fri: WORKDAY },
  holidays: [
    { kind: 'fixed', name: "New Year's Day", month: 1, day: 1, observed: 'nearest_weekday' },
    { kind: 'nth_weekday', name: 'Memorial Day', month: 5, weekday: 'mon', nth: -1 },
    { kind: 'fixed', name: 'Independence Day', month: 7, day: 4, observed: 'nearest_weekday' },
    { kind: 'nth_weekday', name: 'Labor Day', month: 9, weekday: 'mon', nth: 1 },
    { kind: 'nth_weekday', name: 'Thanksgiving Day', month: 11, weekday: 'thu', nth: 4 },
    { kind: 'nth_weekday', name: 'Day after Thanksgiving', month: 11, weekday: 'thu', nth: 4, offset_days: 1 },
    { kind: 'fixed', name: 'Christmas Day', month: 12, day: 25, observed: 'nearest_weekday' },
  ],
});

async function loadPolicyPackage() {
  try {
    return await import('@hourglass/policy');
  } catch (error) {
    if (error?.code === 'ERR_MODULE_NOT_FOUND' || error?.code === 'ERR_PACKAGE_PATH_NOT_EXPORTED') return null;
    throw error;
  }
}

function asSchedule(calendar) {
  return typeof calendar?.addBusinessTime === 'function' ? calendar : compileCalendar(calendar);
}

/**
 * @param {number} atMs the instant whose pack version applies (the start of the workload range)
 * @returns {Promise<{ schedule: import('@hourglass/engine').Schedule, source: string }>}
 */
export async function loadTwilioBusinessHours(atMs) {
  const policy = await loadPolicyPackage();
  if (policy && typeof policy.loadShippedPacks === 'function') {
    const registry = await policy.loadShippedPacks();
    const version = registry.pack('twilio').versionAt(atMs);
    const schedule = asSchedule(version.calendar(CALENDAR_ID));
    return { schedule, source: `shipped policy pack "twilio" (calendar "${CALENDAR_ID}")`, registry };
  }
  return {
    schedule: compileCalendar(TWILIO_BUSINESS_HOURS_SPEC),
    source: `CalendarSpec written in the bench (@hourglass/policy not built yet)`,
    registry: null,
  };
}
