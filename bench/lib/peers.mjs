/**
 * The two peer libraries, set up with the twilio business-hours calendar: Mon–Fri 06:00–18:00
 * and the same holidays as explicit dates. Both compute in the process's local zone, so they must
 * run in a process started with TZ=America/Los_Angeles ({@link assertProcessZone}).
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const PEER_NAMES = ['moment-business-time', 'dayjs-business-time'];

/** Fails unless the process's local zone behaves as Pacific time on both sides of DST. */
export function assertProcessZone(zone) {
  const winter = new Date(Date.UTC(2026, 0, 15, 12)).getTimezoneOffset();
  const summer = new Date(Date.UTC(2026, 6, 15, 12)).getTimezoneOffset();
  if (zone !== 'America/Los_Angeles' || winter !== 480 || summer !== 420) {
    throw new Error(
      `peer libraries compute in the local zone; run this process with TZ=${zone} (local offsets seen: ${-winter / 60}h winter, ${-summer / 60}h summer)`,
    );
  }
}

function packageVersion(name) {
  return require(`${name}/package.json`).version;
}

/** @param {string[]} holidayDates `YYYY-MM-DD` */
function createMomentPeer(holidayDates) {
  const moment = require('moment-business-time');
  const open = ['06:00:00', '18:00:00'];
  moment.updateLocale(moment.locale(), {
    workinghours: { 0: null, 1: open, 2: open, 3: open, 4: open, 5: open, 6: null },
    holidays: holidayDates,
  });
  return {
    name: 'moment-business-time',
    version: packageVersion('moment-business-time'),
    /** @returns {number} epoch ms */
    dueAfter(startMs, durationMinutes) {
      return moment(startMs).addWorkingTime(durationMinutes, 'minutes').valueOf();
    },
  };
}

/** @param {string[]} holidayDates `YYYY-MM-DD` */
function createDayjsPeer(holidayDates) {
  const dayjs = require('dayjs');
  dayjs.extend(require('dayjs-business-time'));
  const open = [{ start: '06:00:00', end: '18:00:00' }];
  dayjs.setBusinessTime({
    sunday: null,
    monday: open,
    tuesday: open,
    wednesday: open,
    thursday: open,
    friday: open,
    saturday: null,
  });
  dayjs.setHolidays(holidayDates);
  return {
    name: 'dayjs-business-time',
    version: packageVersion('dayjs-business-time'),
    dueAfter(startMs, durationMinutes) {
      return dayjs(startMs).addBusinessMinutes(durationMinutes).valueOf();
    },
  };
}

export function createPeer(name, holidayDates) {
  if (name === 'moment-business-time') return createMomentPeer(holidayDates);
  if (name === 'dayjs-business-time') return createDayjsPeer(holidayDates);
  throw new Error(`unknown peer "${name}"; expected one of ${PEER_NAMES.join(', ')}`);
}
