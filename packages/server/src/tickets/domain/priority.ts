import type { Actor } from './status.js';
import { joinOr } from './words.js';
import { success, violation, type Outcome, type RuleViolation } from './violation.js';

/** One priority of a policy pack (`PriorityData`), most urgent first in {@link PriorityCatalog.priorities}. */
export interface PriorityOption {
  readonly id: string;
  readonly name: string;
  /** Only for production applications (twilio P1). */
  readonly production_only?: boolean | undefined;
  /** The same restriction as a pack file writes it (`restrictions: { production_only: true }`). */
  readonly restrictions?: { readonly production_only?: boolean | undefined } | undefined;
}

/** The part of a policy pack version (`CompiledPackVersion`) that priorities depend on. */
export interface PriorityCatalog {
  readonly priorities: readonly PriorityOption[];
  readonly defaultPriority: string | PriorityOption;
}

/** The project a ticket is filed for; `null` when the customer named none. */
export interface ProjectFacts {
  name: string;
  production: boolean;
}

export type PriorityViolationCode =
  | 'unknown_priority'
  | 'priority_restricted'
  | 'reclassify_not_allowed'
  | 'reclassify_reason_required'
  | 'same_priority';

export interface Reclassification {
  from: string;
  to: string;
  /** `up` is towards the more urgent end of the pack's list. */
  direction: 'up' | 'down';
  reason: string;
}

/**
 * The priority a new ticket gets: the customer's choice when given and allowed, else the pack's
 * default (twilio: P3). A restricted priority (twilio P1 is for production applications only)
 * is refused with the reason and the priorities the customer can pick instead.
 */
export function choosePriority(
  catalog: PriorityCatalog,
  requested: string | null | undefined,
  project: ProjectFacts | null,
): Outcome<string, PriorityViolationCode> {
  if (requested === null || requested === undefined || requested === '') {
    return success(defaultPriorityOf(catalog));
  }
  const option = findPriority(catalog, requested);
  if (!option) return unknownPriority(catalog, requested);
  const restriction = restrictionProblem(option, project);
  if (restriction) {
    const alternatives = catalog.priorities.filter((p) => !restrictionProblem(p, project));
    const instead =
      alternatives.length > 0
        ? ` Choose ${joinOr(alternatives.map(describe))} instead, or file the ticket for a production project.`
        : ' File the ticket for a production project.';
    return violation('priority_restricted', `${restriction}${instead}`, 'priority');
  }
  return success(option.id);
}

/**
 * An agent moves a ticket's priority up or down with a reason. Customers choose a priority only
 * when they open the ticket. Restrictions bind the customer's choice, not an agent's judgement.
 */
export function reclassify(
  catalog: PriorityCatalog,
  request: { from: string; to: string; reason: string | null | undefined; actor: Actor },
): Outcome<Reclassification, PriorityViolationCode> {
  if (request.actor !== 'agent') {
    return violation(
      'reclassify_not_allowed',
      'Only an agent can change the priority of an existing ticket. Reply on the ticket to explain why the priority should change, and an agent will review it.',
    );
  }
  const to = findPriority(catalog, request.to);
  if (!to) return unknownPriority(catalog, request.to);
  const fromIndex = catalog.priorities.findIndex((p) => p.id === request.from);
  if (fromIndex < 0) return unknownPriority(catalog, request.from);
  if (to.id === request.from) {
    return violation('same_priority', `The ticket is already ${describe(to)}.`);
  }
  const reason = (request.reason ?? '').trim();
  if (reason === '') {
    return violation(
      'reclassify_reason_required',
      `Say why the priority changes from ${request.from} to ${to.id}; the reason is kept in the ticket's history.`,
      'reason',
    );
  }
  const toIndex = catalog.priorities.indexOf(to);
  return success({ from: request.from, to: to.id, direction: toIndex < fromIndex ? 'up' : 'down', reason });
}

/** The id of the pack's default priority (twilio: P3). */
export function defaultPriorityOf(catalog: PriorityCatalog): string {
  return typeof catalog.defaultPriority === 'string' ? catalog.defaultPriority : catalog.defaultPriority.id;
}

function findPriority(catalog: PriorityCatalog, id: string): PriorityOption | undefined {
  return catalog.priorities.find((p) => p.id === id);
}

function restrictionProblem(option: PriorityOption, project: ProjectFacts | null): string | null {
  if (!isProductionOnly(option)) return null;
  if (project?.production) return null;
  const subject = project
    ? `project "${project.name}" is not a production project`
    : 'the ticket names no production project';
  return `${describe(option)} is only for production applications, and ${subject}.`;
}

function isProductionOnly(option: PriorityOption): boolean {
  return option.production_only === true || option.restrictions?.production_only === true;
}

function unknownPriority(
  catalog: PriorityCatalog,
  id: string,
): { ok: false; violation: RuleViolation<'unknown_priority'> } {
  return violation(
    'unknown_priority',
    `"${id}" is not a priority of this support plan; use one of ${catalog.priorities.map(describe).join(', ')}.`,
    'priority',
  );
}

function describe(option: PriorityOption): string {
  return `${option.id} (${option.name})`;
}
