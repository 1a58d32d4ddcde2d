/**
 * One Alertmanager notification applied to the provider's status: while the group fires, its
 * components take the alerts' statuses (spans tagged with the group's incident) and ONE draft
 * incident per group (`alert_fingerprint` = groupKey) records it; when the group resolves, those
 * spans end and the incident is resolved if nobody has published it yet. A published incident
 * belongs to people: monitoring then only moves the component statuses, silently. A notification
 * that changes nothing (Alertmanager retries, repeats) writes nothing.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/schema.js';
import { DEFAULT_LOCALE, translator } from '../i18n/index.js';
import { requireStaff } from '../incidents/errors.js';
import { openIncident, updateIncident } from '../incidents/incident-write.js';
import { setSourceStatus, sourceStatuses } from '../incidents/spans.js';
import { lockComponents } from '../incidents/components.js';
import { announceStatusChange } from '../db/status-change.js';
import type { ComponentStatus } from '../incidents/tables.js';
import { type AlertmanagerPayloadInput, impactOf, readGroup } from './payload.js';
import { anyOf } from '../db/any-of.js';

type Db = Kysely<Database>;

export interface AlertOutcome {
  incident_id: string | null;
  outcome: 'opened' | 'updated' | 'resolved' | 'unchanged';
  components: { key: string; status: ComponentStatus }[];
  unknown_components: string[];
  alerts_without_component: number;
}

export async function receiveAlerts(db: Db, now: number, actor: Actor, payload: AlertmanagerPayloadInput): Promise<AlertOutcome> {
  requireStaff(actor);
  const reading = readGroup(payload);
  const incident = await db
    .selectFrom('incidents')
    .selectAll()
    .where('provider_id', '=', actor.providerId)
    .where('alert_fingerprint', '=', payload.groupKey)
    .where('resolved_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
  const keys = [...reading.components.keys()];
  const ids = keys.length === 0 ? [] : await db.selectFrom('status_components').select('id').where('provider_id', '=', actor.providerId).where('key', '=', anyOf(keys, 'text')).execute();
  const known = await lockComponents(db, actor.providerId, ids.map((r) => r.id));
  const byKey = new Map(known.map((c) => [c.key, c]));
  const unknown = [...reading.components.keys()].filter((k) => !byKey.has(k)).sort();
  const wanted = [...reading.components].filter(([key]) => byKey.has(key)).map(([key, status]) => ({ componentId: byKey.get(key)!.id, key, status }));
  const answer = (incidentId: string | null, outcome: AlertOutcome['outcome']): AlertOutcome => ({
    incident_id: incidentId,
    outcome,
    components: wanted.map((w) => ({ key: w.key, status: w.status })),
    unknown_components: unknown,
    alerts_without_component: reading.withoutComponent,
  });
  const { t } = translator(DEFAULT_LOCALE);
  const writer = { providerId: actor.providerId, userId: null };

  if (!incident) {
    const firingComponents = wanted.filter((w) => w.status !== 'operational');
    if (!reading.firing) return answer(null, 'unchanged');
    const opened = await openIncident(db, now, writer, {
      kind: 'incident',
      name: reading.name,
      status: 'investigating',
      impact: impactOf(firingComponents.map((w) => w.status)),
      body: t('incidents.alert.firing', { summary: reading.summary }),
      components: firingComponents.map((w) => ({ id: w.componentId, status: w.status })),
      notify: false,
      draft: true,
      source: 'alertmanager',
      fingerprint: payload.groupKey,
    });
    return answer(opened.id, 'opened');
  }

  // What changes for this incident's components: the notification's statuses, and operational for
  // every component of the incident once the group has resolved.
  const mine = await db.selectFrom('incident_components').select('component_id').where('incident_id', '=', incident.id).execute();
  const targets = new Map<string, ComponentStatus>(wanted.map((w) => [w.componentId, w.status]));
  if (!reading.firing) for (const m of mine) targets.set(m.component_id, 'operational');
  const own = await sourceStatuses(db, incident.id, [...targets.keys()]);
  const changes = [...targets].filter(([id, status]) => own.get(id) !== status).map(([id, status]) => ({ id, status }));

  if (!reading.firing && incident.draft) {
    await updateIncident(db, now, writer, incident, { status: 'resolved', body: t('incidents.alert.resolved'), notify: false });
    return answer(incident.id, 'resolved');
  }
  if (changes.length === 0) return answer(incident.id, 'unchanged');
  if (incident.draft) {
    await updateIncident(db, now, writer, incident, { status: incident.status, body: t('incidents.alert.firing', { summary: reading.summary }), components: changes, notify: false });
  } else {
    // Published: people speak for it; monitoring moves the statuses only.
    const named = await db.selectFrom('status_components').select(['id', 'name']).where('id', '=', anyOf(changes.map((c) => c.id), 'uuid')).execute();
    const names = new Map(named.map((c) => [c.id, c.name]));
    const newComponents = changes.filter((c) => !mine.some((m) => m.component_id === c.id));
    if (newComponents.length > 0) await db.insertInto('incident_components').values(newComponents.map((c) => ({ incident_id: incident.id, component_id: c.id }))).execute();
    await setSourceStatus(db, incident.id, changes.map((c) => ({ componentId: c.id, status: c.status })), new Date(now), names);
    await announceStatusChange(db, actor.providerId);
  }
  return answer(incident.id, reading.firing ? 'updated' : 'resolved');
}
