import { describe, expect, it } from 'vitest';
import {
  TICKET_STATUSES,
  allowedNextStatuses,
  checkTransition,
  isLegalTransition,
  statusAfterCustomerReply,
  type Actor,
  type TicketStatus,
} from './status.js';

type Row = [from: TicketStatus, to: TicketStatus, customer: boolean, agent: boolean, system: boolean];

// The full table: every ordered pair of distinct statuses and who may make the move.
const TABLE: Row[] = [
  ['new', 'open', false, true, true],
  ['new', 'pending', false, true, false],
  ['new', 'on_hold', false, true, false],
  ['new', 'solved', true, true, false],
  ['new', 'closed', false, false, false],
  ['open', 'new', false, false, false],
  ['open', 'pending', false, true, false],
  ['open', 'on_hold', false, true, false],
  ['open', 'solved', true, true, false],
  ['open', 'closed', false, false, false],
  ['pending', 'new', false, false, false],
  ['pending', 'open', true, true, false],
  ['pending', 'on_hold', false, true, false],
  ['pending', 'solved', true, true, true],
  ['pending', 'closed', false, false, false],
  ['on_hold', 'new', false, false, false],
  ['on_hold', 'open', true, true, false],
  ['on_hold', 'pending', false, true, false],
  ['on_hold', 'solved', true, true, false],
  ['on_hold', 'closed', false, false, false],
  ['solved', 'new', false, false, false],
  ['solved', 'open', true, true, false],
  ['solved', 'pending', false, false, false],
  ['solved', 'on_hold', false, false, false],
  ['solved', 'closed', false, true, true],
  ['closed', 'new', false, false, false],
  ['closed', 'open', false, false, false],
  ['closed', 'pending', false, false, false],
  ['closed', 'on_hold', false, false, false],
  ['closed', 'solved', false, false, false],
];

describe('status machine', () => {
  it('the table covers every ordered pair of distinct statuses', () => {
    const pairs = new Set(TABLE.map(([from, to]) => `${from}>${to}`));
    expect(pairs.size).toBe(TICKET_STATUSES.length * (TICKET_STATUSES.length - 1));
  });

  it.each(TABLE)('%s -> %s: customer %s, agent %s, system %s', (from, to, customer, agent, system) => {
    const expected: Record<Actor, boolean> = { customer, agent, system };
    for (const actor of ['customer', 'agent', 'system'] as const) {
      expect(isLegalTransition(from, to, actor), `${actor}`).toBe(expected[actor]);
    }
  });

  it('closed is final and says how to follow up', () => {
    const result = checkTransition('closed', 'open', 'agent');
    expect(result).toMatchObject({
      ok: false,
      violation: { code: 'ticket_closed', message: expect.stringContaining('follow-up ticket'), field: 'status' },
    });
  });

  it('refuses to close a ticket that was never solved', () => {
    const result = checkTransition('open', 'closed', 'agent');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.violation.code).toBe('illegal_transition');
      expect(result.violation.message).toContain('solve it first');
      expect(result.violation.message).toContain('From open you can move it to: pending, on_hold, solved.');
    }
  });

  it('tells a customer who may set pending and what they can do instead', () => {
    const result = checkTransition('open', 'pending', 'customer');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.violation.code).toBe('actor_not_allowed');
      expect(result.violation.message).toBe(
        'Only an agent can move a ticket from open (being worked on) to pending (waiting on the customer). From open you can move it to: solved.',
      );
    }
  });

  it('names unknown statuses and lists the valid ones', () => {
    const result = checkTransition('open', 'waiting', 'agent');
    expect(result).toMatchObject({
      ok: false,
      violation: {
        code: 'unknown_status',
        message: '"waiting" is not a ticket status; use one of new, open, pending, on_hold, solved, closed.',
        field: 'status',
      },
    });
  });

  it('a move to the same status is not a transition', () => {
    const result = checkTransition('pending', 'pending', 'agent');
    expect(result.ok ? null : result.violation.code).toBe('same_status');
  });

  it('lists what each actor can do next', () => {
    expect(allowedNextStatuses('pending', 'customer')).toEqual(['open', 'solved']);
    expect(allowedNextStatuses('pending', 'system')).toEqual(['solved']);
    expect(allowedNextStatuses('closed', 'agent')).toEqual([]);
  });

  it('a customer reply reopens pending, on-hold and solved tickets', () => {
    expect(statusAfterCustomerReply('pending')).toEqual({ ok: true, value: 'open' });
    expect(statusAfterCustomerReply('solved')).toEqual({ ok: true, value: 'open' });
    expect(statusAfterCustomerReply('on_hold')).toEqual({ ok: true, value: 'open' });
    expect(statusAfterCustomerReply('new')).toEqual({ ok: true, value: 'new' });
    expect(statusAfterCustomerReply('open')).toEqual({ ok: true, value: 'open' });
    const closed = statusAfterCustomerReply('closed');
    expect(closed.ok ? null : closed.violation.code).toBe('ticket_closed');
  });

  it('every reopening a customer reply causes is itself a legal customer transition', () => {
    for (const status of TICKET_STATUSES) {
      const after = statusAfterCustomerReply(status);
      if (after.ok && after.value !== status) {
        expect(isLegalTransition(status, after.value, 'customer')).toBe(true);
      }
    }
  });
});

describe('refusals as catalog messages', () => {
  it('gives each refusal a message id and its arguments, so every reader gets it in their language', () => {
    const refused = checkTransition('new', 'closed', 'agent');
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.violation.text).toEqual({
      id: 'ticket.status.illegal',
      values: { from: 'new', to: 'closed', hasOptions: 'yes' },
      lists: { options: { items: ['open', 'pending', 'on_hold', 'solved'], type: 'unit' } },
    });
    const customer = checkTransition('new', 'pending', 'customer');
    expect(customer.ok ? null : customer.violation.text).toMatchObject({ id: 'ticket.status.onlyBy', values: { actor: 'customer', allowed: 'agent' } });
  });
});
