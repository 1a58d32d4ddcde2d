import { z } from 'zod';

export const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export const IdParams = z.strictObject({ id: z.uuid('Must be an id (a UUID).') });

export const zoneSchema = z
  .string()
  .min(1)
  .refine(isIanaZone, { message: 'Must be an IANA time zone such as Europe/Berlin or America/Los_Angeles.' })
  .describe('IANA time zone');

export const languageSchema = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/, 'Must be a language code such as en, de or pt-BR.');

const wallTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'Must be a wall time HH:MM (00:00 to 24:00).');

export const workingHoursSchema = z
  .partialRecord(z.enum(WEEKDAY_KEYS), z.array(z.strictObject({ from: wallTime, to: wallTime })))
  .describe('Weekly working hours in the person\'s zone, e.g. { "mon": [{ "from": "09:00", "to": "17:00" }] }.');

export const instantSchema = z.iso.datetime({ offset: true, message: 'Must be an ISO 8601 instant with Z or an offset.' });

export function isIanaZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone.includes('/') || zone === 'UTC';
  } catch {
    return false;
  }
}

export const iso = (d: Date): string => d.toISOString();
export const isoOrNull = (d: Date | null): string | null => (d === null ? null : d.toISOString());
