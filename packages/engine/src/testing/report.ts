/** Plain-words descriptions of test cases, so a failing comparison says exactly what was asked. */
import type { CalendarSpec } from '../types.js';
import { localOf } from './wall-clock.js';

/** `2026-03-08T10:30:00.000Z (local 2026-03-08 03:30:00.000)`. */
export function showInstant(t: number, zone: string): string {
  if (!Number.isFinite(t)) return String(t);
  const local = new Date(localOf(t, zone)).toISOString().replace('T', ' ').replace('Z', '');
  return `${new Date(t).toISOString()} (local ${local})`;
}

export function showCase(spec: CalendarSpec, question: string): string {
  return `${question}\n  calendar: ${JSON.stringify(spec)}`;
}
