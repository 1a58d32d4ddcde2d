import type { CatalogPackVersion } from '../policy/catalog.js';

/** Which open tickets of one pack version a change to some of its calendars can move. */
export interface AffectedTickets {
  /** The pending tickets of the version (its lifecycle calendar changed: their reminders and automatic solves move). */
  pending: boolean;
  /** Plans (ids and aliases) and priorities whose targets count on a changed calendar, as `plan\u001fpriority`. */
  planPriorities: string[];
}

export const PLAN_PRIORITY_SEPARATOR = '\u001f';
export const planPriorityKey = (plan: string, priority: string): string => `${plan}${PLAN_PRIORITY_SEPARATOR}${priority}`;

/**
 * The plan × priority pairs of `version` with a target (any metric) counted on one of `calendarIds`,
 * and whether the lifecycle rules (pending reminders, automatic solves) count on one of them. Pure: read from the compiled version.
 */
export function affectedTickets(version: CatalogPackVersion, calendarIds: ReadonlySet<string>): AffectedTickets {
  const pending = version.lifecycle !== null && calendarIds.has(version.lifecycle.calendar);
  const planPriorities: string[] = [];
  for (const plan of version.plans) {
    for (const priority of version.priorities) {
      const counts = version.metrics.some((metric) => {
        const target = version.resolveTarget(plan.id, priority.id, metric.id);
        return target !== null && calendarIds.has(target.calendarId);
      });
      if (counts) for (const name of [plan.id, ...plan.aliases]) planPriorities.push(planPriorityKey(name, priority.id));
    }
  }
  return { pending, planPriorities };
}
