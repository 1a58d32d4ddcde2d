import type { Verdict } from './verdict.js';

/** One priority of a policy pack, most urgent first in a pack's list. */
export interface PriorityOption {
  readonly id: string;
  readonly name: string;
  /** Only for production projects (twilio P1 and P2, 360dialog critical and urgent). */
  readonly production_only?: boolean | undefined;
  /** Why, in the provider's terms. */
  readonly restriction_reason?: string | null | undefined;
  /** The same restriction as a pack file writes it (`restrictions: { production_only: true, reason: … }`). */
  readonly restrictions?: { readonly production_only?: boolean | undefined; readonly reason?: string | undefined } | undefined;
}

/** The project a ticket is filed for; `null` when it names none. */
export interface ProjectFacts {
  readonly name: string;
  readonly production: boolean;
}

export type PriorityRestriction = Verdict<'priority.choice.productionOnly'>;

/**
 * Why `option` may not be chosen for `project`, with the pack's reason and the priorities that may
 * be chosen instead (of `all`); `null` when it may. A production-only priority needs a production
 * project, so a ticket that names no project cannot have it either.
 */
export function priorityRestriction(option: PriorityOption, project: ProjectFacts | null, all: readonly PriorityOption[] = []): PriorityRestriction | null {
  if (isAllowed(option, project)) return null;
  const alternatives = allowedPriorities(all, project);
  const reason = option.restriction_reason ?? option.restrictions?.reason ?? null;
  return {
    code: 'priority.choice.productionOnly',
    args: {
      priority: option.id,
      name: option.name,
      project: project?.name ?? null,
      reason: reason === null || reason.trim() === '' ? null : reason.trim(),
      alternatives: alternatives.map((p) => p.id),
      alternativeNames: alternatives.map((p) => p.name),
    },
  };
}

/** The priorities of `all` that may be chosen for `project`, in the pack's order. */
export function allowedPriorities<P extends PriorityOption>(all: readonly P[], project: ProjectFacts | null): P[] {
  return all.filter((p) => isAllowed(p, project));
}

function isAllowed(option: PriorityOption, project: ProjectFacts | null): boolean {
  return !isProductionOnly(option) || project?.production === true;
}

/** The pack restricts the priority to production projects. */
export function isProductionOnly(option: PriorityOption): boolean {
  return option.production_only === true || option.restrictions?.production_only === true;
}
