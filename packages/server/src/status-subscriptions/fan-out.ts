/**
 * Queues the notices to the status page's subscribers (email, webhook) about an incident's new
 * update, in the transaction that wrote it; the worker delivers them.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { STATUS_SUBSCRIPTION_TIMER_KINDS } from './kinds.js';

export interface StatusNotice {
  providerId: string;
  incidentId: string;
  /** The update that is news; subscribers of any of the incident's components (or of all) hear of it. */
  updateId: string;
  /** The service clock's now (epoch ms): when the notices are due. Without it, the update's display time (or its creation, if earlier). */
  now?: number;
}

/**
 * One notice per confirmed, active subscriber of the provider who chose all components or any
 * component the incident affects (its components, and those the update names), each with its outbox
 * timer, all in two statements however many subscribers there are. Nothing is queued for a draft, for
 * an update of another incident or provider, or twice for one subscriber and update.
 */
export async function queueStatusNotices(db: Kysely<Database> | Transaction<Database>, notice: StatusNotice): Promise<void> {
  const due = notice.now === undefined ? null : new Date(notice.now);
  await sql`
    with news as (
      select u.id as update_id, i.id as incident_id, i.provider_id,
             coalesce(${due}::timestamptz, least(u.display_at, u.created_at)) as due_at
        from incident_updates u join incidents i on i.id = u.incident_id
       where u.id = ${notice.updateId} and i.id = ${notice.incidentId} and i.provider_id = ${notice.providerId} and not i.draft
    ),
    affected as (
      select ic.component_id::text as id from incident_components ic where ic.incident_id = ${notice.incidentId}
      union
      select c.id::text from news n
        join incident_updates u on u.id = n.update_id
        cross join lateral jsonb_array_elements(case when jsonb_typeof(u.affected_components) = 'array' then u.affected_components else '[]'::jsonb end) a
        join status_components c on c.provider_id = n.provider_id and (c.key = a->>'code' or c.id::text = a->>'code')
    ),
    queued as (
      insert into status_notices (subscriber_id, incident_id, update_id, created_at)
      select s.id, n.incident_id, n.update_id, n.due_at
        from news n join status_subscribers s on s.provider_id = n.provider_id
       where s.confirmed_at is not null and s.unsubscribed_at is null
         and (s.component_ids is null or exists (select 1 from jsonb_array_elements_text(s.component_ids) chosen where chosen in (select id from affected)))
      on conflict (subscriber_id, update_id) do nothing
      returning id, created_at
    )
    insert into timers (kind, subject_type, subject_id, key, due_at, payload, created_at, updated_at)
    select ${STATUS_SUBSCRIPTION_TIMER_KINDS.statusNotice}, 'outbox', 'status_notice:' || q.id, '', q.created_at, jsonb_build_object('notice_id', q.id), q.created_at, q.created_at
      from queued q
    on conflict (subject_id, kind, key) do nothing`.execute(db);
}
