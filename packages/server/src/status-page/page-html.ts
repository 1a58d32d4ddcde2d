/**
 * The public status page (`/status`) and an incident's page (`/status/incidents/{id}`) as HTML, from
 * a snapshot: overall status, components in their groups with 90 daily uptime bars, active incidents
 * with their updates, maintenance in progress and announced, and the last 90 days' history with links
 * to each incident's page and its reason for outage.
 */
import type { Locale } from '../i18n/index.js';
import { esc, layout } from './html-layout.js';
import { wordsOf, type Words } from './html-words.js';
import { isActiveMaintenance, isUnresolvedIncident, isUpcomingMaintenance, overallIndicator } from './overall.js';
import type { SnapshotComponent, SnapshotIncident, StatusSnapshot } from './snapshot.js';

export interface PageContext {
  snapshot: StatusSnapshot;
  locale: Locale;
  now: number;
  /** Set while the database cannot be read: the page says the state shown is as of the snapshot's time. */
  stale: boolean;
}

const FEED_LINKS = '<link rel="alternate" type="application/atom+xml" href="/history.atom"><link rel="alternate" type="application/rss+xml" href="/history.rss">';

export function statusPageHtml(context: PageContext): string {
  const { snapshot, now } = context;
  const w = wordsOf(context.locale);
  const indicator = overallIndicator(snapshot, now);
  const unresolved = snapshot.incidents.filter(isUnresolvedIncident);
  const active = snapshot.incidents.filter((i) => isActiveMaintenance(i, now));
  const upcoming = snapshot.incidents.filter((i) => isUpcomingMaintenance(i, now)).reverse();
  const history = snapshot.incidents.filter((i) => i.resolved_at !== null);
  const names = new Map(snapshot.components.map((c) => [c.id, c.name]));
  const parts: string[] = [];
  parts.push(`<h1>${esc(w.t('status-page.page.title', { name: snapshot.provider.name }))}</h1>`);
  parts.push(staleNotice(context, w));
  parts.push(`<p class="banner i-${indicator}" role="status">${esc(w.indicator(indicator))}</p>`);
  parts.push(`<p><a href="/status/subscribe?locale=${w.locale}">${esc(w.t('status-page.page.subscribe'))}</a> · <span class="muted small">${esc(w.t('status-page.page.currentAt', { time: w.time(snapshot.taken_at) }))}</span></p>`);
  if (unresolved.length > 0) parts.push(section('incidents', w.t('status-page.incidents.heading'), unresolved.map((i) => incidentSummary(i, w, names, true)).join('')));
  if (active.length > 0) parts.push(section('maintenance-active', w.t('status-page.maintenance.active'), active.map((i) => incidentSummary(i, w, names, true)).join('')));
  parts.push(section('components', w.t('status-page.components.heading'), componentsHtml(snapshot, w)));
  if (upcoming.length > 0) parts.push(section('maintenance-upcoming', w.t('status-page.maintenance.upcoming'), upcoming.map((i) => incidentSummary(i, w, names, false)).join('')));
  parts.push(section('history', w.t('status-page.history.heading'), history.length === 0 ? `<p class="muted">${esc(w.t('status-page.history.empty'))}</p>` : history.map((i) => historyItem(i, w)).join('')));
  return layout({ locale: context.locale, title: w.t('status-page.page.title', { name: snapshot.provider.name }), brand: snapshot.provider.name, path: '/status', main: parts.join(''), head: FEED_LINKS });
}

/** An incident's page, or null when the snapshot does not hold it (unknown, a draft, or older than the history). */
export function incidentPageHtml(context: PageContext, incidentId: string): string | null {
  const { snapshot } = context;
  const incident = snapshot.incidents.find((i) => i.id === incidentId);
  if (!incident) return null;
  const w = wordsOf(context.locale);
  const components = snapshot.components.filter((c) => incident.component_ids.includes(c.id));
  const parts: string[] = [];
  parts.push(`<p><a href="/status?locale=${context.locale}">${esc(w.t('status-page.incident.back'))}</a></p>`);
  parts.push(`<h1>${esc(incident.name)}</h1>`);
  parts.push(staleNotice(context, w));
  parts.push(`<p><span class="tag">${esc(w.incidentStatus(incident.status))}</span> <span class="tag">${esc(w.impact(incident.impact))}</span></p>`);
  parts.push(`<p class="muted">${esc(timing(incident, w))}</p>`);
  if (components.length > 0) {
    parts.push(
      section('affected', w.t('status-page.incident.affected'), `<ul class="plain">${components.map((c) => `<li>${esc(c.name)} — <span class="s-${c.status}">${esc(w.componentStatus(c.status))}</span></li>`).join('')}</ul>`),
    );
  }
  parts.push(section('updates', w.t('status-page.incident.updates'), updatesHtml(incident, w)));
  if (incident.kind === 'incident' && incident.resolved_at !== null) {
    parts.push(section('rfo', w.t('status-page.incident.rfo'), incident.rfo ? `<div class="rfo">${incident.rfo.html}</div><p class="muted small">${esc(w.time(incident.rfo.published_at))}</p>` : `<p class="muted">${esc(w.t('status-page.incident.rfoPending'))}</p>`));
  }
  const title = w.t('status-page.incident.title', { incident: incident.name, name: snapshot.provider.name });
  return layout({ locale: context.locale, title, brand: snapshot.provider.name, path: `/status/incidents/${incident.id}`, main: parts.join(''), head: FEED_LINKS });
}

/** The page for an incident that is not on the status page. */
export function notFoundHtml(context: PageContext): string {
  const w = wordsOf(context.locale);
  const main = `<h1>${esc(w.t('status-page.incident.notFound'))}</h1><p><a href="/status?locale=${context.locale}">${esc(w.t('status-page.incident.back'))}</a></p>`;
  return layout({ locale: context.locale, title: w.t('status-page.incident.notFound'), brand: context.snapshot.provider.name, path: '/status', main });
}

function staleNotice(context: PageContext, w: Words): string {
  return context.stale ? `<p class="notice" role="alert">${esc(w.t('status-page.page.stale', { time: w.time(context.snapshot.taken_at) }))}</p>` : '';
}

function section(id: string, heading: string, body: string): string {
  return `<section class="panel" aria-labelledby="h-${id}"><h2 id="h-${id}">${esc(heading)}</h2>${body}</section>`;
}

function componentsHtml(snapshot: StatusSnapshot, w: Words): string {
  const visible = snapshot.components.filter((c) => !c.only_show_if_degraded || c.status !== 'operational');
  if (visible.length === 0) return `<p class="muted">${esc(w.t('status-page.components.empty'))}</p>`;
  const groups = new Set(snapshot.groups.map((g) => g.id));
  const loose = visible.filter((c) => c.group_id === null || !groups.has(c.group_id));
  const out: string[] = [];
  if (loose.length > 0) out.push(`<ul class="plain">${loose.map((c) => componentHtml(c, w, 3)).join('')}</ul>`);
  for (const group of snapshot.groups) {
    const members = visible.filter((c) => c.group_id === group.id);
    if (members.length === 0) continue;
    const description = group.description ? `<p class="muted small">${esc(group.description)}</p>` : '';
    out.push(`<div class="group"><h3>${esc(group.name)}</h3>${description}<ul class="plain">${members.map((c) => componentHtml(c, w, 4)).join('')}</ul></div>`);
  }
  return out.join('');
}

/** A component, its name a heading of `level` (under its group's heading when it has one). */
function componentHtml(c: SnapshotComponent, w: Words, level: 3 | 4): string {
  const description = c.description ? `<p class="muted small">${esc(c.description)}</p>` : '';
  const uptime = c.uptime_percent === null ? w.t('status-page.components.uptimeNone') : w.t('status-page.components.uptime', { uptime: w.percent(c.uptime_percent) });
  // The bars are a picture of the days; what they say is in the uptime line and, for the days that
  // were not fully available, in a list for screen readers.
  const bars = c.uptime
    .map((d) => `<li class="b-${d.percent === null ? 'none' : d.worst}" title="${esc(dayLabel(d, w))}"></li>`)
    .join('');
  const troubled = c.uptime.filter((d) => d.percent !== null && d.worst !== 'operational');
  const spoken = troubled.length > 0 ? `<ul class="vh">${troubled.map((d) => `<li>${esc(dayLabel(d, w))}</li>`).join('')}</ul>` : '';
  // As on Statuspage, a component that is not showcased shows its status without the bars.
  const history = c.showcase
    ? `<ol class="bars" aria-hidden="true">${bars}</ol><div class="ends small muted" aria-hidden="true"><span>${esc(w.t('status-page.components.ninetyDaysAgo'))}</span><span>${esc(w.t('status-page.components.today'))}</span></div>` +
      `<p class="small muted">${esc(uptime)}</p>${spoken}`
    : '';
  return `<li class="component"><div class="row"><h${level}>${esc(c.name)}</h${level}><strong class="s-${c.status}">${esc(w.componentStatus(c.status))}</strong></div>${description}${history}</li>`;
}

function dayLabel(d: { date: string; worst: SnapshotComponent['status']; percent: number | null }, w: Words): string {
  if (d.percent === null) return w.t('status-page.bar.noData', { date: w.day(d.date) });
  return w.t('status-page.bar.day', { date: w.day(d.date), status: w.componentStatus(d.worst), uptime: w.percent(d.percent) });
}

function incidentSummary(incident: SnapshotIncident, w: Words, names: Map<string, string>, withUpdates: boolean): string {
  const affected = incident.component_ids.map((id) => names.get(id)).filter((n): n is string => n !== undefined);
  const latest = withUpdates ? incident.updates.slice(0, 3) : incident.updates.slice(0, 1);
  return (
    `<article class="incident"><h3><a href="/status/incidents/${incident.id}?locale=${w.locale}">${esc(incident.name)}</a></h3>` +
    `<p><span class="tag">${esc(w.incidentStatus(incident.status))}</span> <span class="tag">${esc(w.impact(incident.impact))}</span> <span class="muted small">${esc(timing(incident, w))}</span></p>` +
    (affected.length > 0 ? `<p class="small">${esc(w.t('status-page.incident.affected'))}: ${affected.map(esc).join(', ')}</p>` : '') +
    latest.map((u) => updateHtml(u, w)).join('') +
    `</article>`
  );
}

function historyItem(incident: SnapshotIncident, w: Words): string {
  const rfo = incident.rfo ? ` · <a href="/status/incidents/${incident.id}?locale=${w.locale}#h-rfo">${esc(w.t('status-page.incident.rfo'))}</a>` : '';
  return (
    `<article class="incident"><h3><a href="/status/incidents/${incident.id}?locale=${w.locale}">${esc(incident.name)}</a></h3>` +
    `<p class="small"><span class="tag">${esc(w.impact(incident.impact))}</span> <span class="muted">${esc(timing(incident, w))}</span>${rfo}</p></article>`
  );
}

function updatesHtml(incident: SnapshotIncident, w: Words): string {
  if (incident.updates.length === 0) return `<p class="muted">${esc(w.t('status-page.incident.noUpdates'))}</p>`;
  return incident.updates.map((u) => updateHtml(u, w)).join('');
}

function updateHtml(update: SnapshotIncident['updates'][number], w: Words): string {
  return `<div class="update"><p><strong>${esc(w.incidentStatus(update.status))}</strong> — <span class="muted small">${esc(w.time(update.display_at))}</span></p><p>${esc(update.body)}</p></div>`;
}

function timing(incident: SnapshotIncident, w: Words): string {
  if (incident.kind === 'maintenance' && incident.scheduled_for !== null) {
    return incident.scheduled_until !== null
      ? w.t('status-page.incident.scheduled', { from: w.time(incident.scheduled_for), until: w.time(incident.scheduled_until) })
      : w.t('status-page.incident.scheduledFrom', { from: w.time(incident.scheduled_for) });
  }
  const started = w.t('status-page.incident.startedAt', { time: w.time(incident.started_at) });
  return incident.resolved_at !== null ? `${started} · ${w.t('status-page.incident.resolvedAt', { time: w.time(incident.resolved_at) })}` : started;
}
