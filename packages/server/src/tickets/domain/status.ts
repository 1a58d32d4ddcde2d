import { success, violation, type Outcome } from './violation.js';
import { joinOr } from './words.js';

export const TICKET_STATUSES = ['new', 'open', 'pending', 'on_hold', 'solved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Who asks for a change: the requester's side, the provider's agents, or the desk's own timers. */
export const ACTORS = ['customer', 'agent', 'system'] as const;
export type Actor = (typeof ACTORS)[number];

export type StatusViolationCode =
  | 'unknown_status'
  | 'same_status'
  | 'ticket_closed'
  | 'illegal_transition'
  | 'actor_not_allowed';

const STATUS_MEANING: Record<TicketStatus, string> = {
  new: 'new (not yet picked up)',
  open: 'open (being worked on)',
  pending: 'pending (waiting on the customer)',
  on_hold: 'on hold (waiting on a third party)',
  solved: 'solved',
  closed: 'closed',
};

/**
 * Every legal move and who may make it. Anything missing is illegal: nothing returns to `new`,
 * `closed` is final, and a ticket is solved before it is closed.
 */
const TRANSITIONS: Record<TicketStatus, Partial<Record<TicketStatus, readonly Actor[]>>> = {
  new: {
    open: ['agent', 'system'],
    pending: ['agent'],
    on_hold: ['agent'],
    solved: ['agent', 'customer'],
  },
  open: {
    pending: ['agent'],
    on_hold: ['agent'],
    solved: ['agent', 'customer'],
  },
  pending: {
    open: ['customer', 'agent'],
    on_hold: ['agent'],
    solved: ['agent', 'customer', 'system'],
  },
  on_hold: {
    open: ['agent', 'customer'],
    pending: ['agent'],
    solved: ['agent', 'customer'],
  },
  solved: {
    open: ['customer', 'agent'],
    closed: ['agent', 'system'],
  },
  closed: {},
};

export function isTicketStatus(value: unknown): value is TicketStatus {
  return typeof value === 'string' && (TICKET_STATUSES as readonly string[]).includes(value);
}

/** The statuses a given actor may move a ticket to from `from`. */
export function allowedNextStatuses(from: TicketStatus, actor: Actor): TicketStatus[] {
  const moves = TRANSITIONS[from];
  return TICKET_STATUSES.filter((to) => moves[to]?.includes(actor) ?? false);
}

/**
 * Whether `actor` may move a ticket from `from` to `to`; when not, a plain reason that says what
 * the actor can do instead.
 */
export function checkTransition(
  from: string,
  to: string,
  actor: Actor,
): Outcome<{ from: TicketStatus; to: TicketStatus }, StatusViolationCode> {
  for (const status of [from, to]) {
    if (!isTicketStatus(status)) {
      return violation(
        'unknown_status',
        `"${status}" is not a ticket status; use one of ${TICKET_STATUSES.join(', ')}.`,
        'status',
        { id: 'ticket.status.unknown', values: { status }, lists: { statuses: { items: TICKET_STATUSES, type: 'unit' } } },
      );
    }
  }
  const source = from as TicketStatus;
  const target = to as TicketStatus;
  if (source === target) {
    return violation('same_status', `The ticket is already ${STATUS_MEANING[source]}.`, 'status', { id: 'ticket.status.same', values: { status: source } });
  }
  if (source === 'closed') {
    return violation(
      'ticket_closed',
      'The ticket is closed and cannot change any more; open a follow-up ticket that refers to it instead.',
      'status',
      { id: 'ticket.status.closed' },
    );
  }
  const actors = TRANSITIONS[source][target];
  if (!actors) {
    return violation('illegal_transition', illegalReason(source, target, actor), 'status', { id: 'ticket.status.illegal', ...nextSteps(source, target, actor) });
  }
  if (!actors.includes(actor)) {
    const steps = nextSteps(source, target, actor);
    const text = { id: actor === 'customer' ? 'ticket.status.onlyBy' : 'ticket.status.notBy', values: { ...steps.values, actor, allowed: actors.join('_') }, lists: steps.lists };
    return violation('actor_not_allowed', notAllowedReason(source, target, actor, actors), 'status', text);
  }
  return success({ from: source, to: target });
}

export function isLegalTransition(from: string, to: string, actor: Actor): boolean {
  return checkTransition(from, to, actor).ok;
}

function illegalReason(from: TicketStatus, to: TicketStatus, actor: Actor): string {
  const head = `A ticket cannot go from ${STATUS_MEANING[from]} to ${STATUS_MEANING[to]}`;
  const next = nextStepsSentence(from, actor);
  if (to === 'new') return `${head}: "new" is only the status a ticket is created with. ${next}`;
  if (to === 'closed') return `${head}: solve it first; solved tickets are closed afterwards. ${next}`;
  return `${head}. ${next}`;
}

function notAllowedReason(
  from: TicketStatus,
  to: TicketStatus,
  actor: Actor,
  allowed: readonly Actor[],
): string {
  const who = allowed.map((a) => (a === 'system' ? 'the desk automatically' : `an ${a}`));
  const head =
    actor === 'customer'
      ? `Only ${joinOr(who)} can move a ticket from ${STATUS_MEANING[from]} to ${STATUS_MEANING[to]}`
      : `Moving a ticket from ${STATUS_MEANING[from]} to ${STATUS_MEANING[to]} is done by ${joinOr(who)}, not by ${actor === 'agent' ? 'an agent' : 'the desk automatically'}`;
  return `${head}. ${nextStepsSentence(from, actor)}`;
}

/** The arguments of a refused move: both statuses and the moves the actor has from `from` (status codes, as the API writes them). */
function nextSteps(from: TicketStatus, to: TicketStatus, actor: Actor) {
  const options = allowedNextStatuses(from, actor);
  return { values: { from, to, hasOptions: options.length > 0 ? 'yes' : 'no' }, lists: { options: { items: options, type: 'unit' as const } } };
}

function nextStepsSentence(from: TicketStatus, actor: Actor): string {
  const options = allowedNextStatuses(from, actor);
  if (options.length === 0) return 'No status change is available to you from here.';
  return `From ${from} you can move it to: ${options.join(', ')}.`;
}

/**
 * The status a ticket takes when its requester replies: a reply reopens a pending, on-hold or
 * solved ticket; a new or open ticket keeps its status. A closed ticket takes no replies.
 */
export function statusAfterCustomerReply(
  status: TicketStatus,
): Outcome<TicketStatus, 'ticket_closed'> {
  switch (status) {
    case 'closed':
      return violation(
        'ticket_closed',
        'This ticket is closed and takes no more replies; open a follow-up ticket that refers to it.',
        undefined,
        { id: 'error.service.closedNoReplies' },
      );
    case 'pending':
    case 'on_hold':
    case 'solved':
      return success('open');
    case 'new':
    case 'open':
      return success(status);
  }
}
