import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CUSTOMER_A, CUSTOMER_B, START, startTestService, type TestService } from './support/app.js';
import { DATABASE_KINDS } from './support/databases.js';

const TICKETS = 40;

describe.each(DATABASE_KINDS)('tickets opened at the same moment on %s', (kind) => {
  let service: TestService;
  let riley: string;
  let dana: string;
  /** Each customer's production project: P2 is for production only. */
  const production = new Map<string, string>();

  beforeAll(async () => {
    service = await startTestService(kind);
    riley = await service.signIn(CUSTOMER_A);
    dana = await service.signIn(CUSTOMER_B);
    for (const session of [riley, dana]) {
      const account = (await service.request(session, { method: 'GET', url: '/api/v1/accounts' })).json().items[0];
      production.set(session, account.projects.find((p: { production: boolean }) => p.production).id);
    }
  });
  afterAll(async () => {
    await service?.close();
  });

  it('each get their own number, audit entry, targets, timers and notifications, and answer what is stored', async () => {
    service.clock.set(START);
    const responses = await Promise.all(
      Array.from({ length: TICKETS }, (_, i) =>
        service.request(i % 2 === 0 ? riley : dana, {
          method: 'POST',
          url: '/api/v1/tickets',
          payload: { subject: `Concurrent ${i}`, description: `Ticket ${i} of a burst.`, priority: i % 3 === 0 ? 'P2' : 'P3', project_id: production.get(i % 2 === 0 ? riley : dana) },
        }),
      ),
    );
    for (const response of responses) expect(response.statusCode, response.body).toBe(201);
    const tickets = responses.map((r) => r.json());
    expect(new Set(tickets.map((t) => t.number)).size).toBe(TICKETS);
    expect(tickets.map((t) => t.subject)).toEqual(Array.from({ length: TICKETS }, (_, i) => `Concurrent ${i}`));

    for (const [i, ticket] of tickets.entries()) {
      // The answer to the create is what is stored.
      const stored = await service.request(i % 2 === 0 ? riley : dana, { method: 'GET', url: `/api/v1/tickets/${ticket.id}` });
      const { warnings: _warnings, ...created } = ticket;
      const { escalations, ...view } = stored.json();
      expect(escalations).toEqual([]);
      expect(view).toEqual(created);
      expect(ticket.targets.length).toBeGreaterThan(0);
    }

    const ids = tickets.map((t) => t.id);
    const perTicket = async (table: 'ticket_events' | 'sla_targets' | 'notification_events') =>
      (await service.db.selectFrom(table).select('ticket_id').where('ticket_id', 'in', ids).execute()).map((r) => r.ticket_id);
    const created = await service.db.selectFrom('ticket_events').select('ticket_id').where('ticket_id', 'in', ids).where('type', '=', 'created').execute();
    expect(created.map((r) => r.ticket_id).sort()).toEqual([...ids].sort());
    const targets = await perTicket('sla_targets');
    for (const ticket of tickets) expect(targets.filter((id) => id === ticket.id)).toHaveLength(ticket.targets.length);
    const confirmations = await service.db.selectFrom('notification_events').select('ticket_id').where('ticket_id', 'in', ids).where('event', '=', 'ticket_created').execute();
    expect(confirmations.map((r) => r.ticket_id).sort()).toEqual([...ids].sort());
    const breachTimers = await service.db.selectFrom('timers').select('subject_id').where('subject_id', 'in', ids).where('kind', '=', 'breach').execute();
    expect(new Set(breachTimers.map((r) => r.subject_id))).toEqual(new Set(ids));
  });
});
