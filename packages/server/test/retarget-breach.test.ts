import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PolicyCatalog } from '../src/policy/catalog.js';
import { createWorkflow, type Workflow } from '../src/app/worker.js';
import { DATABASE_KINDS } from './support/databases.js';
import { catalogWithHoliday } from './support/holiday-catalog.js';
import { RILEY, startWorkflowService, type WorkflowService } from './support/workflow.js';

// Riley's twilio bootstrap P2 ticket opened Monday 2 March 2026 15:00 PT: 4 business hours on
// Mon–Fri 06:00–18:00 Los Angeles, so due Tuesday 07:00 PT, warned at 75% (Tuesday 06:00). Then the
// service restarts with a holiday added on Tuesday 3 March to the calendar, and nothing has moved the
// stored due time yet when the old breach-warning and breach timers fire: the due time is now
// Wednesday 07:00 PT, so neither may be recorded for Tuesday.
const OLD_DUE = Date.parse('2026-03-03T15:00:00Z');
const NEW_DUE = Date.parse('2026-03-04T15:00:00Z');

describe.each(DATABASE_KINDS)('a breach timer set for a due time that has moved later, on %s', (kind) => {
  let service: WorkflowService;
  let changed: PolicyCatalog;
  let restarted: Workflow;
  let ticketId = '';

  beforeAll(async () => {
    service = await startWorkflowService(kind, '2026-03-02T15:00:00-08:00');
    changed = await catalogWithHoliday('twilio', { name: 'Moved Day', month: 3, day: 3 });
    const accounts = (await service.request(RILEY, { method: 'GET', url: '/api/v1/accounts' })).json();
    const production = accounts.items[0].projects.find((p: { name: string }) => p.name === 'Production').id;
    const created = await service.request(RILEY, { method: 'POST', url: '/api/v1/tickets', payload: { subject: 'Calls drop', description: 'Since noon.', priority: 'P2', project_id: production } });
    expect(created.statusCode, created.body).toBe(201);
    ticketId = created.json().id;
    restarted = createWorkflow({ db: service.db, clock: service.clock, registry: changed, workerId: `restarted-${kind}`, settings: { smtpUrl: undefined, supportAddress: 'support@desk.example.test', publicUrl: 'https://desk.example.test' } });
  });
  afterAll(async () => {
    await restarted?.stop();
    await service?.close();
  });

  const events = (type: string) => service.db.selectFrom('ticket_events').select(['after']).where('ticket_id', '=', ticketId).where('type', '=', type).execute();
  const timer = (kind: string) => service.db.selectFrom('timers').select(['due_at', 'state', 'payload']).where('subject_id', '=', ticketId).where('kind', '=', kind).executeTakeFirstOrThrow();
  const due = async () => (await service.db.selectFrom('sla_targets').select('due_at').where('ticket_id', '=', ticketId).executeTakeFirstOrThrow()).due_at!.getTime();

  it('records no breach at the old due time, warns for the new one, and moves the breach timer there', async () => {
    expect(await due()).toBe(OLD_DUE);
    service.clock.set(OLD_DUE + 60_000);
    await restarted.worker.runDue();
    expect(await events('breached')).toEqual([]);
    // Its warning point has passed: the warning is sent for the new due time (1 business hour left, on Wednesday), once.
    expect((await events('breach_warning')).map((e) => e.after)).toEqual([{ metric: 'first_response', due_at: new Date(NEW_DUE).toISOString(), remaining_ms: 3_600_000 }]);
    expect(await due()).toBe(NEW_DUE);
    expect(await timer('breach')).toMatchObject({ due_at: new Date(NEW_DUE + 1), state: 'pending', payload: { metric: 'first_response', due_at: NEW_DUE } });
    expect(await timer('breach_warning')).toMatchObject({ due_at: new Date('2026-03-03T02:00:00Z'), state: 'done', payload: { metric: 'first_response', due_at: NEW_DUE } });
  });

  it('records the breach once, at the new due time', async () => {
    service.clock.set(NEW_DUE + 60_000);
    await restarted.worker.runDue();
    await restarted.worker.runDue();
    expect(await events('breach_warning')).toHaveLength(1);
    expect((await events('breached')).map((e) => e.after)).toEqual([{ metric: 'first_response', due_at: new Date(NEW_DUE).toISOString() }]);
    expect(await timer('breach')).toMatchObject({ state: 'done' });
  });
});
