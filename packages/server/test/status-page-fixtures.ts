/**
 * Status data for the status page's tests, written straight into the tables of migration 011 (as the
 * incidents API would write them): a group of two components and two loose ones, an unresolved
 * incident with an open partial outage, a draft, an incident resolved ten days ago with a published
 * RFO, one resolved 100 days ago, and maintenance announced for two days later (its text tries to
 * break out of the feeds' CDATA). The console is not showcased (no uptime bars).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../src/db/schema.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface StatusFixtures {
  providerId: string;
  providerName: string;
  groupId: string;
  components: { messaging: string; mailSend: string; console: string; legacy: string };
  incidents: { active: string; draft: string; resolved: string; old: string; maintenance: string };
  activeUpdateId: string;
}

export const RFO_MARKDOWN = '## What happened\n\nA **disk** filled up. <script>alert(1)</script>\n\n[details](javascript:alert(1)) and [postmortem](https://example.com/pm)';

export async function insertStatusFixtures(db: Kysely<Database>, now: number): Promise<StatusFixtures> {
  const provider = await db.selectFrom('providers').select(['id', 'name']).orderBy('created_at').orderBy('id').limit(1).executeTakeFirstOrThrow();
  const at = (ms: number) => new Date(ms);
  const created = at(now - 200 * DAY);
  const group = await db
    .insertInto('status_component_groups')
    .values({ provider_id: provider.id, name: 'APIs', description: 'Programmable interfaces', position: 1, created_at: created, updated_at: created })
    .returning('id')
    .executeTakeFirstOrThrow();
  const component = async (key: string, name: string, values: { group_id?: string | null; position: number; only_show_if_degraded?: boolean; showcase?: boolean }) =>
    (
      await db
        .insertInto('status_components')
        .values({ provider_id: provider.id, key, name, description: `${name} for customers`, group_id: values.group_id ?? null, position: values.position, only_show_if_degraded: values.only_show_if_degraded ?? false, showcase: values.showcase ?? true, created_at: created, updated_at: created })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const components = {
    messaging: await component('messaging-api', 'Messaging API', { group_id: group.id, position: 1 }),
    mailSend: await component('mail-send', 'Mail Send', { group_id: group.id, position: 2 }),
    console: await component('console', 'Console', { position: 3, showcase: false }),
    legacy: await component('legacy-gateway', 'Legacy Gateway', { position: 4, only_show_if_degraded: true }),
  };
  const incident = async (values: Record<string, unknown>) =>
    (await db.insertInto('incidents').values({ provider_id: provider.id, ...values } as never).returning('id').executeTakeFirstOrThrow()).id;

  const activeStart = now - 2 * HOUR;
  const active = await incident({ kind: 'incident', name: 'Messages are delayed', status: 'investigating', impact: 'major', started_at: at(activeStart), created_at: at(activeStart), updated_at: at(activeStart) });
  const draft = await incident({ kind: 'incident', name: 'Draft: disk pressure on mx-7', status: 'investigating', impact: 'minor', draft: true, source: 'alertmanager', started_at: at(now - HOUR), created_at: at(now - HOUR), updated_at: at(now - HOUR) });
  const resolvedStart = Math.floor(now / DAY) * DAY - 10 * DAY + 8 * HOUR;
  const resolved = await incident({
    kind: 'incident', name: 'Mail Send is down', status: 'resolved', impact: 'critical', started_at: at(resolvedStart), resolved_at: at(resolvedStart + 2 * HOUR),
    rfo_markdown: RFO_MARKDOWN, rfo_published_at: at(resolvedStart + DAY), created_at: at(resolvedStart), updated_at: at(resolvedStart + DAY),
  });
  const old = await incident({ kind: 'incident', name: 'Console sign-in failures long ago', status: 'resolved', impact: 'minor', started_at: at(now - 100 * DAY), resolved_at: at(now - 100 * DAY + HOUR), created_at: at(now - 100 * DAY), updated_at: at(now - 100 * DAY) });
  const maintenance = await incident({
    kind: 'maintenance', name: 'Database upgrade', status: 'scheduled', impact: 'maintenance', scheduled_for: at(now + 2 * DAY), scheduled_until: at(now + 2 * DAY + 2 * HOUR),
    started_at: at(now + 2 * DAY), created_at: at(now - DAY), updated_at: at(now - DAY),
  });

  await db.insertInto('incident_components').values([
    { incident_id: active, component_id: components.messaging },
    { incident_id: draft, component_id: components.console },
    { incident_id: resolved, component_id: components.mailSend },
    { incident_id: old, component_id: components.console },
    { incident_id: maintenance, component_id: components.console },
  ]).execute();
  await db.insertInto('status_component_spans').values([
    { component_id: components.messaging, incident_id: active, status: 'partial_outage', started_at: at(activeStart), ended_at: null },
    { component_id: components.mailSend, incident_id: resolved, status: 'major_outage', started_at: at(resolvedStart), ended_at: at(resolvedStart + 2 * HOUR) },
  ]).execute();
  const update = (incidentId: string, status: string, body: string, ms: number, affected: unknown[] = []) =>
    db.insertInto('incident_updates').values({ incident_id: incidentId, status: status as never, body, display_at: at(ms), created_at: at(ms), updated_at: at(ms), affected_components: JSON.stringify(affected) }).returning('id').executeTakeFirstOrThrow();
  const activeUpdate = await update(active, 'investigating', 'We are looking into delayed messages.', activeStart, [{ code: components.messaging, name: 'Messaging API', old_status: 'operational', new_status: 'partial_outage' }]);
  await update(draft, 'investigating', 'Monitoring says mx-7 disk is 95% full.', now - HOUR);
  await update(resolved, 'investigating', 'Mail Send refuses requests.', resolvedStart);
  await update(resolved, 'resolved', 'Mail Send works again.', resolvedStart + 2 * HOUR);
  await update(maintenance, 'scheduled', 'We will upgrade the database; the console may be slow ]]> <b>for an hour</b>.', now - DAY);
  return { providerId: provider.id, providerName: provider.name, groupId: group.id, components, incidents: { active, draft, resolved, old, maintenance }, activeUpdateId: activeUpdate.id };
}

/** Posts an update on an incident and announces it, in one transaction, as the incidents API does. */
export async function addUpdate(db: Kysely<Database>, announce: (tx: Kysely<Database>, providerId: string) => Promise<void>, providerId: string, incidentId: string, body: string, at: number): Promise<string> {
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto('incident_updates')
      .values({ incident_id: incidentId, status: 'identified', body, display_at: new Date(at), created_at: new Date(at), updated_at: new Date(at), affected_components: '[]' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx.updateTable('incidents').set({ status: 'identified', updated_at: new Date(at) }).where('id', '=', incidentId).execute();
    await announce(tx, providerId);
    return row.id;
  });
}
