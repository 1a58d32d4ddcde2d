/**
 * Which priority a new ticket may have, by the shared rule the service enforces
 * (`@hourglass/rules`): a production-only priority needs a production project.
 */
import { allowedPriorities, priorityRestriction, type PriorityRestriction } from '@hourglass/rules';
import type { PriorityInfo, Project } from '../api/types.js';

/** Why `priority` cannot be chosen for `project` (none chosen: `undefined`), as a verdict to phrase; null when it can. */
export function restrictionOf(priority: PriorityInfo | undefined, project: Project | undefined, all: readonly PriorityInfo[]): PriorityRestriction | null {
  return priority ? priorityRestriction(priority, factsOf(project), all) : null;
}

/** The priorities that may be chosen for `project`, in the plan's order. */
export function choosablePriorities(all: readonly PriorityInfo[], project: Project | undefined): PriorityInfo[] {
  return allowedPriorities(all, factsOf(project));
}

function factsOf(project: Project | undefined) {
  return project ? { name: project.name, production: project.production } : null;
}
