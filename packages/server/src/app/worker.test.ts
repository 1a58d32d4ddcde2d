import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../clock.js';
import type { Database } from '../db/schema.js';
import type { PolicyCatalog } from '../policy/catalog.js';
import { createWorkflow, TIMER_KINDS, WORKFLOW_TIMER_KINDS } from './worker.js';

describe('the timer worker the features fill', () => {
  it('fires every timer kind the features schedule, each registered once', async () => {
    // Nothing is swept here: the worker is only built, so the database is never reached.
    const workflow = createWorkflow({
      db: {} as Kysely<Database>,
      clock: fixedClock(Date.UTC(2026, 0, 5)),
      registry: {} as PolicyCatalog,
      settings: { smtpUrl: undefined, supportAddress: 'support@desk.example.test', publicUrl: 'https://desk.example.test' },
    });
    try {
      expect([...workflow.kinds].sort()).toEqual([...WORKFLOW_TIMER_KINDS].sort());
      expect(new Set(Object.values(TIMER_KINDS)).size).toBe(WORKFLOW_TIMER_KINDS.length);
    } finally {
      await workflow.stop();
    }
  });
});
