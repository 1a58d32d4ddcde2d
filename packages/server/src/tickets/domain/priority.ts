import { allowedPriorities, englishText, priorityRestriction, type PriorityOption, type ProjectFacts } from '@hourglass/rules';
import type { Actor } from './status.js';
import { joinOr } from './words.js';
import { success, violation, type Outcome, type RuleViolation } from './violation.js';

/** A pack's priority and the project a ticket is filed for, as the shared priority rules read them. */
export type { PriorityOption, ProjectFacts };

/** The part of a policy pack version (`CompiledPackVersion`) that priorities depend on. */
export interface PriorityCatalog {
  readonly priorities: readonly PriorityOption[];
  readonly defaultPriority: string | PriorityOption;
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
 * default (twilio: P3). A restricted priority (twilio P1 and P2 are for production only) is
 * refused with the pack's reason and the priorities the customer can pick instead.
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
  const restricted = restrictionViolation(catalog, option, project, 'file');
  return restricted ?? success(option.id);
}

/**
 * An agent moves a ticket's priority up or down with a reason. Customers choose a priority only
 * when they open the ticket. The pack's restrictions hold for agents too: a ticket whose project
 * is not in production cannot be raised to (or kept at) a production-only priority.
 */
export function reclassify(
  catalog: PriorityCatalog,
  request: { from: string; to: string; reason: string | null | undefined; actor: Actor; project: ProjectFacts | null },
): Outcome<Reclassification, PriorityViolationCode> {
  if (request.actor !== 'agent') {
    return violation(
      'reclassify_not_allowed',
      'Only an agent can change the priority of an existing ticket. Reply on the ticket to explain why the priority should change, and an agent will review it.',
      undefined,
      { id: 'ticket.priority.agentsOnly' },
    );
  }
  const to = findPriority(catalog, request.to);
  if (!to) return unknownPriority(catalog, request.to);
  const fromIndex = catalog.priorities.findIndex((p) => p.id === request.from);
  if (fromIndex < 0) return unknownPriority(catalog, request.from);
  if (to.id === request.from) {
    return violation('same_priority', `The ticket is already ${describe(to)}.`, undefined, { id: 'ticket.priority.same', values: { priority: to.id, name: to.name } });
  }
  const restricted = restrictionViolation(catalog, to, request.project, 'project');
  if (restricted) return restricted;
  const reason = (request.reason ?? '').trim();
  if (reason === '') {
    return violation(
      'reclassify_reason_required',
      `Say why the priority changes from ${request.from} to ${to.id}; the reason is kept in the ticket's history.`,
      'reason',
      { id: 'ticket.priority.reasonRequired', values: { from: request.from, to: to.id } },
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

/**
 * A ticket's project may change only if its priority stays allowed: a production-only priority
 * needs a production project.
 */
export function checkProjectForPriority(
  catalog: PriorityCatalog,
  priority: string,
  project: ProjectFacts | null,
): Outcome<null, PriorityViolationCode> {
  const option = findPriority(catalog, priority);
  if (!option) return success(null);
  const problem = restrictionProblem(option, project);
  if (!problem) return success(null);
  return violation('priority_restricted', `${problem} Reclassify the ticket to a priority for any project first, or choose a production project.`, 'project_id', {
    id: 'ticket.priority.projectRestricted',
    values: restrictionValues(option, project),
  });
}

function restrictionViolation(
  catalog: PriorityCatalog,
  option: PriorityOption,
  project: ProjectFacts | null,
  then: 'file' | 'project',
): { ok: false; violation: RuleViolation<'priority_restricted'> } | null {
  const restriction = restrictionProblem(option, project);
  if (!restriction) return null;
  const alternatives = allowedPriorities(catalog.priorities, project);
  const orElse = then === 'file' ? 'file the ticket for a production project' : "set the ticket's project to a production project first";
  const instead =
    alternatives.length > 0
      ? ` Choose ${joinOr(alternatives.map(describe))} instead, or ${orElse}.`
      : ` ${orElse.charAt(0).toUpperCase()}${orElse.slice(1)}.`;
  return violation('priority_restricted', `${restriction}${instead}`, 'priority', {
    id: 'ticket.priority.restricted',
    values: { ...restrictionValues(option, project), then, hasAlternatives: alternatives.length > 0 ? 'yes' : 'no' },
    lists: { alternatives: { items: alternatives.map(describe), type: 'disjunction' } },
  });
}

/** The arguments of a priority restriction: the priority, the project (if any) and the pack's reason (in the pack's words). */
function restrictionValues(option: PriorityOption, project: ProjectFacts | null): Record<string, string> {
  const args = priorityRestriction(option, project)?.args;
  const reason = typeof args?.reason === 'string' ? args.reason : '';
  return { priority: option.id, name: option.name, project: project?.name ?? '', hasProject: project ? 'yes' : 'no', reason, hasReason: reason ? 'yes' : 'no' };
}

/** Why `option` is not allowed for `project` (the shared rule), in English with the pack's reason; `null` when it is allowed. */
function restrictionProblem(option: PriorityOption, project: ProjectFacts | null): string | null {
  const verdict = priorityRestriction(option, project);
  return verdict && englishText(verdict);
}

function unknownPriority(
  catalog: PriorityCatalog,
  id: string,
): { ok: false; violation: RuleViolation<'unknown_priority'> } {
  return violation(
    'unknown_priority',
    `"${id}" is not a priority of this support plan; use one of ${catalog.priorities.map(describe).join(', ')}.`,
    'priority',
    { id: 'ticket.priority.unknown', values: { priority: id }, lists: { priorities: { items: catalog.priorities.map(describe), type: 'unit' } } },
  );
}

function describe(option: PriorityOption): string {
  return `${option.id} (${option.name})`;
}
