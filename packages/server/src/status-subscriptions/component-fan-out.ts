/**
 * Queues the notices of a component's status set by hand (no incident; Statuspage's component_update)
 * to the status page's subscribers of that component or of all, in the transaction that changed it;
 * the worker delivers them as it delivers incident notices.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { ComponentStatus } from '../db/incident-tables.js';
import type { Database } from '../db/schema.js';
import { STATUS_SUBSCRIPTION_TIMER_KINDS } from './kinds.js';

export interface ComponentChange {
  providerId: string;
  componentId: string;
  oldStatus: ComponentStatus;
  newStatus: ComponentStatus;
  /** When the status changed: the change's time and when its notices are due. */
  at: Date;
}

/**
 * One notice per confirmed, active subscriber of the provider who chose all components or this one,
 * each with its outbox timer, in one statement however many subscribers there are. Nothing is queued
 * when the status did not change, nor for a component of another provider. Answers the change's id.
 */
export async function queueComponentNotices(db: Kysely<Database> | Transaction<Database>, change: ComponentChange): Promise<string | null> {
  if (change.oldStatus === change.newStatus) return null;
  const changeId = randomUUID();
  await sql`
    with queued as (
      insert into status_notices (subscriber_id, component_id, component_update_id, old_status, new_status, created_at)
      select s.id, c.id, ${changeId}::uuid, ${change.oldStatus}, ${change.newStatus}, ${change.at}::timestamptz
        from status_components c join status_subscribers s on s.provider_id = c.provider_id
       where c.id = ${change.componentId} and c.provider_id = ${change.providerId}
         and s.confirmed_at is not null and s.unsubscribed_at is null
         and (s.component_ids is null or exists (select 1 from jsonb_array_elements_text(s.component_ids) chosen where chosen = c.id::text))
      on conflict (subscriber_id, component_update_id) do nothing
      returning id, created_at
    )
    insert into timers (kind, subject_type, subject_id, key, due_at, payload, created_at, updated_at)
    select ${STATUS_SUBSCRIPTION_TIMER_KINDS.statusNotice}, 'outbox', 'status_notice:' || q.id, '', q.created_at, jsonb_build_object('notice_id', q.id), q.created_at, q.created_at
      from queued q
    on conflict (subject_id, kind, key) do nothing`.execute(db);
  return changeId;
}
