/** How availability figures read: months, percentages, minutes and money in the language shown. */
import type { IntlShape } from 'react-intl';

/** `2026-02` → "February 2026" (the month's middle, in UTC, so no zone moves it). */
export function monthLabel(intl: IntlShape, month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return intl.formatDate(Date.UTC(year, m - 1, 15, 12), { year: 'numeric', month: 'long', timeZone: 'UTC' });
}

/** A percentage given in percent (99.9628) → "99.963%". */
export const percent = (intl: IntlShape, value: number, digits = 3): string =>
  intl.formatNumber(value / 100, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits });

/** A threshold (99.95) → "99.95%", with as many decimals as it has. */
export const thresholdLabel = (intl: IntlShape, value: number): string => intl.formatNumber(value / 100, { style: 'percent', maximumFractionDigits: 4 });

/** Decimal text and an ISO currency → "$1,234.56". */
export const money = (intl: IntlShape, amount: string, currency: string): string => intl.formatNumber(Number(amount), { style: 'currency', currency });

/** The current month and the five before it, as YYYY-MM, from an instant. */
export function recentMonths(now: number): { from: string; to: string } {
  const d = new Date(now);
  const to = d.getUTCFullYear() * 12 + d.getUTCMonth();
  const key = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  return { from: key(to - 5), to: key(to) };
}

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
