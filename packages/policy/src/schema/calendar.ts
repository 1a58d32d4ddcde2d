/**
 * Calendars as policy files write them: the engine's `CalendarSpec` records. Only the shape is
 * checked here; wall times, zones, overlaps and "never open" are checked by the engine's
 * `validateCalendarSpec` in the semantic pass, so each problem is reported once.
 */
import * as z from 'zod';
import { idSchema, textSchema } from './primitives.js';
import { strict } from './strict.js';

const WALL_TIME = 'a wall time HH:MM (to may be 24:00; a to before from crosses midnight)';

export const wallIntervalSchema = strict({
  from: z.string().meta({ description: `Opening, ${WALL_TIME}.`, examples: ['06:00'] }),
  to: z.string().meta({ description: `Closing, ${WALL_TIME}.`, examples: ['18:00', '24:00'] }),
});

const dayHours = z.array(wallIntervalSchema).meta({ description: 'Open intervals of the day; any number.' });

export const weeklySchema = strict({
  mon: dayHours.optional(),
  tue: dayHours.optional(),
  wed: dayHours.optional(),
  thu: dayHours.optional(),
  fri: dayHours.optional(),
  sat: dayHours.optional(),
  sun: dayHours.optional(),
});

const weekday = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);

const explicitHoliday = strict({
  kind: z.literal('date'),
  name: textSchema,
  date: z.string().meta({ description: 'Local date YYYY-MM-DD.' }),
});

const fixedHoliday = strict({
  kind: z.literal('fixed'),
  name: textSchema,
  month: z.number().int(),
  day: z.number().int(),
  observed: z
    .enum(['none', 'nearest_weekday'])
    .optional()
    .meta({ description: 'nearest_weekday: a Saturday is observed the Friday before, a Sunday the Monday after.' }),
});

const nthWeekdayHoliday = strict({
  kind: z.literal('nth_weekday'),
  name: textSchema,
  month: z.number().int(),
  weekday,
  nth: z.number().int().meta({ description: '1 to 5, or -1 for the last.' }),
  offset_days: z.number().int().optional().meta({ description: 'Whole days after (or before, negative) the n-th weekday.' }),
});

const libraryHoliday = strict({
  kind: z.literal('library'),
  country: z.string(),
  state: z.string().optional(),
  region: z.string().optional(),
  types: z.array(z.string()).optional(),
  names: z.array(z.string()).optional(),
});

export const holidaySchema = z.discriminatedUnion('kind', [explicitHoliday, fixedHoliday, nthWeekdayHoliday, libraryHoliday], {
  error: 'a holiday needs kind: date, fixed, nth_weekday or library',
});

export const exceptionSchema = strict({
  date: z.string().meta({ description: 'Local date YYYY-MM-DD.' }),
  closed: z.boolean().optional(),
  hours: z.array(wallIntervalSchema).optional(),
  reason: z.string().optional(),
});

export const calendarSchema = strict({
  id: idSchema,
  name: textSchema.optional(),
  zone: z.string().meta({ description: 'IANA time zone, e.g. America/Los_Angeles.' }),
  always_open: z.boolean().optional().meta({ description: 'true: open 24x7 (no weekly hours, holidays or exceptions).' }),
  weekly: weeklySchema.optional(),
  holidays: z.array(holidaySchema).optional(),
  exceptions: z.array(exceptionSchema).optional(),
});

export type CalendarData = z.infer<typeof calendarSchema>;
