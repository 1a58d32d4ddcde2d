import Holidays from 'date-holidays';
import type { Locale } from '../i18n/index.js';

/**
 * Holiday names in the reader's language where `date-holidays` has them. A calendar's holidays carry
 * English names (written in the pack or taken from the library); the countries whose zones include the
 * calendar's zone are searched for a holiday of that English name in that year, and its name in the
 * reader's language is used only when the library really has one (not a fallback to another language).
 */
export function holidayNameIn(locale: Locale, name: string, day: string, zone: string): string {
  if (locale === 'en') return name;
  const year = Number(day.slice(0, 4));
  if (!Number.isInteger(year)) return name;
  const wanted = name.trim().toLowerCase();
  for (const country of countriesOfZone(zone)) {
    const found = namesOf(country, year, libraryLanguage(locale)).find((h) => h.english.toLowerCase() === wanted && h.date === day) ??
      namesOf(country, year, libraryLanguage(locale)).find((h) => h.english.toLowerCase() === wanted);
    if (found?.localized) return found.localized;
  }
  return name;
}

/** The library's language code of a locale (it knows Portuguese as `pt`). */
const libraryLanguage = (locale: Locale): string => locale.split('-')[0]!;

let zoneCountries: Map<string, string[]> | undefined;

/** The countries `date-holidays` lists for an IANA zone (America/Los_Angeles → US), read once. */
function countriesOfZone(zone: string): string[] {
  if (!zoneCountries) {
    zoneCountries = new Map();
    for (const country of Object.keys(new Holidays().getCountries('en') ?? {})) {
      for (const z of new Holidays(country).getTimezones() ?? []) {
        const list = zoneCountries.get(z) ?? [];
        list.push(country);
        zoneCountries.set(z, list);
      }
    }
  }
  return zoneCountries.get(zone) ?? [];
}

interface HolidayNames {
  date: string;
  english: string;
  /** The name in the requested language; undefined when the library has none in it. */
  localized: string | undefined;
}

const namesCache = new Map<string, HolidayNames[]>();

/**
 * One country's holidays of a year with their English and localized names. A fresh library instance
 * is made for each language asked (an instance remembers the languages it was asked for and falls
 * back through them), and a name equal to the one given for an unknown language is the country's
 * fallback, not a translation, unless the language is the country's own.
 */
function namesOf(country: string, year: number, language: string): HolidayNames[] {
  const key = `${country} ${year} ${language}`;
  let found = namesCache.get(key);
  if (found === undefined) {
    const names = (lang: string) => (new Holidays(country).getHolidays(year, lang) ?? []).map((h) => ({ date: h.date.slice(0, 10), name: h.name }));
    const english = names('en');
    const localized = names(language);
    const fallback = names('zz');
    const own = (new Holidays(country).getLanguages()[0] ?? '').split('-')[0] === language;
    found = english.map((h, i) => {
      const name = localized[i]?.name;
      const real = name !== undefined && (own || name !== fallback[i]?.name);
      return { date: h.date, english: h.name, localized: real ? name : undefined };
    });
    namesCache.set(key, found);
  }
  return found;
}
