/**
 * The public status of one provider at one moment, read from the status tables (migration 011) in
 * one pass: components with their current status and 90 days of daily uptime, and the published
 * incidents and maintenance the page and its JSON show. Read-only; drafts never appear. A snapshot is
 * plain JSON, so it can be kept on disk and served while the database is unreachable.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.js';
import { type TimedSpan, worstStatus } from '../incidents/status-timeline.js';
import type { AffectedComponent, ComponentStatus, IncidentImpact, IncidentKind, IncidentStatus, SpanStatus } from '../incidents/tables.js';
import { renderRfo } from '../incidents/rfo-render.js';
import { type UptimeDay, uptimeDays, UPTIME_DAYS } from './uptime.js';
import { anyOf } from '../db/any-of.js';

export const SNAPSHOT_VERSION = 1;
/** Resolved incidents stay on the page (history) this long. */
export const HISTORY_DAYS = 90;
const DAY_MS = 86_400_000;

export interface SnapshotGroup {
  id: string;
  name: string;
  description: string | null;
  position: number;
  created_at: string;
  updated_at: string;
}

export interface SnapshotComponent {
  id: string;
  key: string;
  name: string;
  description: string | null;
  group_id: string | null;
  position: number;
  showcase: boolean;
  only_show_if_degraded: boolean;
  start_date: string | null;
  created_at: string;
  updated_at: string;
  status: ComponentStatus;
  /** Oldest first, the last one is today (UTC). */
  uptime: UptimeDay[];
  /** Over the days that count (null: none does yet). */
  uptime_percent: number | null;
}

export interface SnapshotUpdate {
  id: string;
  status: IncidentStatus;
  body: string;
  created_at: string;
  updated_at: string;
  display_at: string;
  affected_components: AffectedComponent[];
}

export interface SnapshotIncident {
  id: string;
  kind: IncidentKind;
  name: string;
  status: IncidentStatus;
  impact: IncidentImpact;
  created_at: string;
  updated_at: string;
  started_at: string;
  monitoring_at: string | null;
  resolved_at: string | null;
  scheduled_for: string | null;
  scheduled_until: string | null;
  component_ids: string[];
  /** Newest first. */
  updates: SnapshotUpdate[];
  /** The published RFO, rendered to safe HTML. */
  rfo: { html: string; published_at: string } | null;
}

export interface StatusSnapshot {
  version: typeof SNAPSHOT_VERSION;
  provider: { id: string; name: string; slug: string };
  /** When the database was read: the state shown was current then. */
  taken_at: string;
  groups: SnapshotGroup[];
  components: SnapshotComponent[];
  /** Newest first: unresolved ones, maintenance announced, and those resolved in the last 90 days. */
  incidents: SnapshotIncident[];
}

export interface SnapshotOptions {
  /** The share of partial-outage time counted as unavailable (the pack's; 0.3 by default). */
  partialShare?: number;
}

/** RFOs rendered already, by their Markdown (a snapshot is read up to ten times a second; RFOs rarely change). */
const renderedRfos = new Map<string, string>();

function rfoHtml(markdown: string): string {
  let html = renderedRfos.get(markdown);
  if (html === undefined) {
    if (renderedRfos.size >= 200) renderedRfos.clear();
    html = renderRfo(markdown);
    renderedRfos.set(markdown, html);
  }
  return html;
}

const iso = (d: Date | string): string => (d instanceof Date ? d : new Date(d)).toISOString();
const isoOrNull = (d: Date | string | null): string | null => (d === null ? null : iso(d));

/** Reads the public status of `provider` as of `now` (epoch ms). */
export async function readSnapshot(db: Kysely<Database>, provider: { id: string; name: string; slug: string }, now: number, options: SnapshotOptions = {}): Promise<StatusSnapshot> {
  const partialShare = options.partialShare ?? 0.3;
  const firstDay = Math.floor(now / DAY_MS) * DAY_MS - (UPTIME_DAYS - 1) * DAY_MS;
  const historyFrom = new Date(now - HISTORY_DAYS * DAY_MS);
  const [groups, components, spans, incidents] = await Promise.all([
    db.selectFrom('status_component_groups').selectAll().where('provider_id', '=', provider.id).orderBy('position').orderBy('name').execute(),
    db
      .selectFrom('status_components')
      .selectAll()
      // A date column comes back as a local-midnight Date from node-postgres: read it as text.
      .select(sql<string | null>`to_char(start_date, 'YYYY-MM-DD')`.as('start_day'))
      .where('provider_id', '=', provider.id)
      .orderBy('position')
      .orderBy('name')
      .execute(),
    db
      .selectFrom('status_component_spans as s')
      .innerJoin('status_components as c', 'c.id', 's.component_id')
      .select(['s.component_id', 's.status', 's.started_at', 's.ended_at'])
      .where('c.provider_id', '=', provider.id)
      .where((eb) => eb.or([eb('s.ended_at', 'is', null), eb('s.ended_at', '>', new Date(firstDay))]))
      .execute(),
    db
      .selectFrom('incidents')
      .selectAll()
      .where('provider_id', '=', provider.id)
      .where('draft', '=', false)
      .where((eb) => eb.or([eb('resolved_at', 'is', null), eb('resolved_at', '>=', historyFrom)]))
      .orderBy('started_at', 'desc')
      .orderBy('id', 'desc')
      .limit(500)
      .execute(),
  ]);
  const incidentIds = incidents.map((i) => i.id);
  const [updates, links] = incidentIds.length === 0
    ? [[], []]
    : await Promise.all([
        db.selectFrom('incident_updates').selectAll().where('incident_id', '=', anyOf(incidentIds, 'uuid')).orderBy('display_at', 'desc').orderBy('created_at', 'desc').execute(),
        db.selectFrom('incident_components').select(['incident_id', 'component_id']).where('incident_id', '=', anyOf(incidentIds, 'uuid')).execute(),
      ]);

  const spansOf = new Map<string, TimedSpan[]>();
  const openOf = new Map<string, SpanStatus[]>();
  for (const span of spans) {
    const start = new Date(span.started_at).getTime();
    if (start > now) continue;
    const end = span.ended_at === null ? null : new Date(span.ended_at).getTime();
    // An open span counts until now, not to the end of today.
    (spansOf.get(span.component_id) ?? spansOf.set(span.component_id, []).get(span.component_id)!).push({ status: span.status, start, end: end ?? now });
    if (end === null || end > now) (openOf.get(span.component_id) ?? openOf.set(span.component_id, []).get(span.component_id)!).push(span.status);
  }

  const updatesOf = new Map<string, SnapshotUpdate[]>();
  for (const u of updates) {
    (updatesOf.get(u.incident_id) ?? updatesOf.set(u.incident_id, []).get(u.incident_id)!).push({
      id: u.id,
      status: u.status,
      body: u.body,
      created_at: iso(u.created_at),
      updated_at: iso(u.updated_at),
      display_at: iso(u.display_at),
      affected_components: Array.isArray(u.affected_components) ? u.affected_components : [],
    });
  }
  const componentsOf = new Map<string, string[]>();
  for (const link of links) (componentsOf.get(link.incident_id) ?? componentsOf.set(link.incident_id, []).get(link.incident_id)!).push(link.component_id);

  return {
    version: SNAPSHOT_VERSION,
    provider,
    taken_at: new Date(now).toISOString(),
    groups: groups.map((g) => ({ id: g.id, name: g.name, description: g.description, position: g.position, created_at: iso(g.created_at), updated_at: iso(g.updated_at) })),
    components: components.map((c) => {
      const startsAt = Math.max(firstDay, countsFrom(c.start_day, c.created_at));
      const uptime = uptimeDays(spansOf.get(c.id) ?? [], firstDay, now, startsAt, partialShare);
      return {
        id: c.id,
        key: c.key,
        name: c.name,
        description: c.description,
        group_id: c.group_id,
        position: c.position,
        showcase: c.showcase,
        only_show_if_degraded: c.only_show_if_degraded,
        start_date: c.start_day,
        created_at: iso(c.created_at),
        updated_at: iso(c.updated_at),
        status: worstStatus(openOf.get(c.id) ?? []),
        uptime: uptime.days,
        uptime_percent: uptime.percent,
      };
    }),
    incidents: incidents.map((i) => ({
      id: i.id,
      kind: i.kind,
      name: i.name,
      status: i.status,
      impact: i.impact,
      created_at: iso(i.created_at),
      updated_at: iso(i.updated_at),
      started_at: iso(i.started_at),
      monitoring_at: isoOrNull(i.monitoring_at),
      resolved_at: isoOrNull(i.resolved_at),
      scheduled_for: isoOrNull(i.scheduled_for),
      scheduled_until: isoOrNull(i.scheduled_until),
      component_ids: componentsOf.get(i.id) ?? [],
      updates: updatesOf.get(i.id) ?? [],
      rfo: i.rfo_published_at !== null && i.rfo_markdown ? { html: rfoHtml(i.rfo_markdown), published_at: iso(i.rfo_published_at) } : null,
    })),
  };
}

/** The first instant a component counts: its start date (UTC midnight), else when it was created. */
function countsFrom(startDay: string | null, createdAt: Date | string): number {
  if (startDay !== null) return Date.parse(`${startDay}T00:00:00Z`);
  return new Date(createdAt).getTime();
}
