import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announceStatusChange } from '../src/status-page/index.js';
import { START, startTestService, type TestService } from './support/app.js';
import { DATABASE_KINDS } from './support/databases.js';
import { addUpdate, insertStatusFixtures, type StatusFixtures } from './status-page-fixtures.js';

const PAGE_FIELDS = ['id', 'name', 'url', 'time_zone', 'updated_at'];
const COMPONENT_FIELDS = ['id', 'name', 'status', 'created_at', 'updated_at', 'position', 'description', 'showcase', 'start_date', 'group_id', 'page_id', 'group', 'only_show_if_degraded'];
const INCIDENT_FIELDS = ['id', 'name', 'status', 'created_at', 'updated_at', 'monitoring_at', 'resolved_at', 'impact', 'shortlink', 'started_at', 'page_id', 'incident_updates', 'components'];
const UPDATE_FIELDS = ['id', 'status', 'body', 'incident_id', 'created_at', 'updated_at', 'display_at', 'affected_components'];
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

describe.each(DATABASE_KINDS)('the public status page on %s', (kind) => {
  let service: TestService;
  let f: StatusFixtures;
  const get = (url: string, headers: Record<string, string> = {}) => service.app.inject({ method: 'GET', url, headers });
  const json = async (url: string) => {
    const response = await get(url);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    return response.json();
  };

  beforeAll(async () => {
    service = await startTestService(kind);
    f = await insertStatusFixtures(service.db, START);
    await service.app.statusPage.refresh();
  });
  afterAll(async () => {
    await service?.close();
  });

  it("answers summary.json with Statuspage's field names and shapes, drafts left out", async () => {
    const summary = await json('/api/v2/summary.json');
    expect(Object.keys(summary).sort()).toEqual(['components', 'incidents', 'page', 'scheduled_maintenances', 'status']);
    expect(Object.keys(summary.page).sort()).toEqual([...PAGE_FIELDS].sort());
    expect(summary.page).toMatchObject({ id: f.providerId, name: f.providerName, url: 'http://localhost:3000/status'.replace(':3000', `:${process.env.PORT ?? 3000}`), time_zone: 'Etc/UTC' });
    expect(summary.page.updated_at).toMatch(ISO);
    expect(summary.status).toEqual({ indicator: 'major', description: 'Partial System Outage' });

    const group = summary.components.find((c: { id: string }) => c.id === f.groupId);
    expect(Object.keys(group).sort()).toEqual([...COMPONENT_FIELDS, 'components'].sort());
    expect(group).toMatchObject({ name: 'APIs', group: true, status: 'partial_outage', page_id: f.providerId });
    expect(group.components).toEqual([f.components.messaging, f.components.mailSend]);
    const messaging = summary.components.find((c: { id: string }) => c.id === f.components.messaging);
    expect(Object.keys(messaging).sort()).toEqual([...COMPONENT_FIELDS].sort());
    expect(messaging).toMatchObject({ name: 'Messaging API', status: 'partial_outage', group: false, group_id: f.groupId, showcase: true, only_show_if_degraded: false, start_date: null, position: 1 });
    expect(summary.components.find((c: { id: string }) => c.id === f.components.console)).toMatchObject({ status: 'operational', group_id: null, showcase: false });

    expect(summary.incidents.map((i: { id: string }) => i.id)).toEqual([f.incidents.active]);
    const incident = summary.incidents[0];
    expect(Object.keys(incident).sort()).toEqual([...INCIDENT_FIELDS].sort());
    expect(incident).toMatchObject({ name: 'Messages are delayed', status: 'investigating', impact: 'major', resolved_at: null, monitoring_at: null, page_id: f.providerId });
    expect(incident.shortlink).toMatch(new RegExp(`/status/incidents/${f.incidents.active}$`));
    expect(incident.started_at).toMatch(ISO);
    expect(incident.components.map((c: { id: string }) => c.id)).toEqual([f.components.messaging]);
    const update = incident.incident_updates[0];
    for (const field of UPDATE_FIELDS) expect(update).toHaveProperty(field);
    expect(update).toMatchObject({ id: f.activeUpdateId, status: 'investigating', incident_id: f.incidents.active, body: 'We are looking into delayed messages.' });
    expect(update.affected_components).toEqual([{ code: f.components.messaging, name: 'Messaging API', old_status: 'operational', new_status: 'partial_outage' }]);

    expect(summary.scheduled_maintenances.map((m: { id: string }) => m.id)).toEqual([f.incidents.maintenance]);
    expect(Object.keys(summary.scheduled_maintenances[0]).sort()).toEqual([...INCIDENT_FIELDS, 'scheduled_for', 'scheduled_until'].sort());
    expect(summary.scheduled_maintenances[0]).toMatchObject({ status: 'scheduled', impact: 'maintenance', scheduled_for: new Date(START + 2 * 86_400_000).toISOString() });
    expect(JSON.stringify(summary)).not.toContain('disk pressure');
  });

  it('answers the other documents: status, components, incidents (recent and unresolved), maintenance (all, upcoming, active)', async () => {
    const status = await json('/api/v2/status.json');
    expect(Object.keys(status).sort()).toEqual(['page', 'status']);
    expect(status.status.indicator).toBe('major');
    const components = await json('/api/v2/components.json');
    expect(Object.keys(components).sort()).toEqual(['components', 'page']);
    expect(components.components).toHaveLength(5);
    const incidents = await json('/api/v2/incidents.json');
    expect(incidents.incidents.map((i: { id: string }) => i.id)).toEqual([f.incidents.active, f.incidents.resolved]);
    const resolved = incidents.incidents[1];
    expect(resolved).toMatchObject({ status: 'resolved', impact: 'critical' });
    expect(resolved.resolved_at).toMatch(ISO);
    expect(resolved.incident_updates.map((u: { status: string }) => u.status)).toEqual(['resolved', 'investigating']);
    expect(resolved.incident_updates[0].affected_components).toBeNull();
    expect((await json('/api/v2/incidents/unresolved.json')).incidents.map((i: { id: string }) => i.id)).toEqual([f.incidents.active]);
    const maintenances = await json('/api/v2/scheduled-maintenances.json');
    expect(Object.keys(maintenances).sort()).toEqual(['page', 'scheduled_maintenances']);
    expect(maintenances.scheduled_maintenances.map((m: { id: string }) => m.id)).toEqual([f.incidents.maintenance]);
    expect((await json('/api/v2/scheduled-maintenances/upcoming.json')).scheduled_maintenances).toHaveLength(1);
    expect((await json('/api/v2/scheduled-maintenances/active.json')).scheduled_maintenances).toEqual([]);
  });

  it('serves the page as HTML without scripts, with the uptime bars, incidents, maintenance and history, and no draft', async () => {
    const response = await get('/status');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    const html = response.body;
    expect(html).toMatch(/^<!doctype html><html lang="en">/);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('Partial system outage');
    for (const text of ['Messaging API', 'Mail Send', 'Console', 'Messages are delayed', 'Database upgrade', 'Mail Send is down', 'We are looking into delayed messages.', 'href="/status/subscribe?locale=en"', 'All times are in UTC']) expect(html).toContain(text);
    expect(html).not.toContain('disk pressure');
    expect(html).not.toContain('Console sign-in failures long ago');
    // Only shown while degraded.
    expect(html).not.toContain('Legacy Gateway');
    // 90 bars per showcased component (not the console); today's partial outage of 2 of 17 hours counts 0.3: 96.47%.
    expect(html.match(/<ol class="bars"/g)).toHaveLength(2);
    expect(html.match(/<li class="b-/g)).toHaveLength(180);
    expect(html).toMatch(/<h3>Console<\/h3><strong class="s-operational">Operational<\/strong><\/div><p class="muted small">Console for customers<\/p><\/li>/);
    expect(html).toContain('Partial outage, 96.47% available');
    // The resolved incident's day: 2 hours of major outage, 91.66%.
    expect(html).toContain('Major outage, 91.66% available');
    expect(html).toMatch(/99\.\d+% uptime over the past 90 days/);
    expect(html).toContain(`href="/status/incidents/${f.incidents.resolved}?locale=en#h-rfo"`);
  });

  it("sends the desk's security headers, allowing only its own style sheet by hash", async () => {
    const [page, data, other] = await Promise.all([get('/status'), get('/api/v2/status.json'), get('/healthz')]);
    const security = (headers: Record<string, unknown>) => Object.fromEntries(Object.entries(headers).filter(([name]) => /^(x-|cross-origin|origin-agent|referrer|strict-transport)/.test(name) && name !== 'x-status-stale-since'));
    expect(security(page.headers)).toEqual(security(other.headers));
    expect({ ...security(data.headers), 'cross-origin-resource-policy': 'same-origin' }).toEqual(security(other.headers));
    expect(data.headers['access-control-allow-origin']).toBe('*');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toMatch(/style-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp.replace(/ 'sha256-[^']+'/, '')).toBe(other.headers['content-security-policy']);
    expect(data.headers['content-security-policy']).toBe(other.headers['content-security-policy']);
  });

  it('is translated by ?locale= or Accept-Language, with dates in UTC', async () => {
    const de = await get('/status?locale=de');
    expect(de.body).toContain('<html lang="de">');
    expect(de.body).toContain('Teilweiser Systemausfall');
    expect(de.body).toContain('Alle Zeiten in UTC');
    expect(de.headers.vary).toContain('Accept-Language');
    const byHeader = await get('/status', { 'accept-language': 'de-AT, en;q=0.5' });
    expect(byHeader.body).toContain('<html lang="de">');
    const ru = await get(`/status/incidents/${f.incidents.active}?locale=ru`);
    expect(ru.body).toContain('Расследуется');
    expect(ru.body).toMatch(/\d{2}:\d{2} UTC/);
  });

  it("shows an incident's page with its updates, affected components and the RFO rendered safely", async () => {
    const response = await get(`/status/incidents/${f.incidents.resolved}`);
    expect(response.statusCode).toBe(200);
    const html = response.body;
    expect(html).toContain('<h1>Mail Send is down</h1>');
    expect(html).toContain('Mail Send works again.');
    expect(html).toContain('Affected components');
    expect(html).toContain('<h2 id="h-rfo">Reason for outage</h2>');
    expect(html).toContain('<strong>disk</strong>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).toContain('href="https://example.com/pm"');
  });

  it('answers 404 for a draft, an unknown or a malformed incident', async () => {
    for (const id of [f.incidents.draft, '00000000-0000-0000-0000-000000000000', 'not-a-uuid<>']) {
      const response = await get(`/status/incidents/${encodeURIComponent(id)}`);
      expect(response.statusCode).toBe(404);
      expect(response.body).toContain('This incident is not on the status page.');
      expect(response.body).not.toContain('disk pressure');
    }
  });

  it('publishes the history as Atom and RSS feeds that parse', async () => {
    const parser = new XMLParser({ ignoreAttributes: false });
    const atom = await get('/history.atom');
    expect(atom.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(XMLValidator.validate(atom.body)).toBe(true);
    const feed = parser.parse(atom.body).feed;
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    const entries = [feed.entry].flat();
    expect(entries.map((e: { title: unknown }) => String(typeof e.title === 'object' ? (e.title as { '#text': string })['#text'] : e.title))).toEqual(['Database upgrade', 'Messages are delayed', 'Mail Send is down']);
    const rss = await get('/history.rss');
    expect(rss.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    expect(XMLValidator.validate(rss.body)).toBe(true);
    const items = [parser.parse(rss.body).rss.channel.item].flat();
    expect(items).toHaveLength(3);
    expect(rss.body).not.toContain('disk pressure');
    expect(rss.body).toContain('slow ]]&gt; &lt;b&gt;for an hour');
    expect(String(items[0].description)).toContain('slow ]]&gt; &lt;b&gt;for an hour');
  });

  it('answers 304 to a matching ETag and gzip to those who accept it', async () => {
    const first = await get('/api/v2/summary.json');
    const etag = String(first.headers.etag);
    expect(first.headers['cache-control']).toMatch(/max-age=\d+/);
    expect(first.headers['last-modified']).toBeDefined();
    const again = await get('/api/v2/summary.json', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const zipped = await get('/api/v2/summary.json', { 'accept-encoding': 'gzip' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
  });

  it('shows an update announced in a transaction within a second, without a restart', async () => {
    const body = `Found the cause (${kind}).`;
    const id = await addUpdate(service.db, announceStatusChange, f.providerId, f.incidents.active, body, START + 1000);
    const deadline = Date.now() + 1000;
    let seen = false;
    while (!seen && Date.now() < deadline) {
      const summary = (await get('/api/v2/summary.json')).json();
      seen = summary.incidents[0]?.incident_updates.some((u: { id: string }) => u.id === id) ?? false;
      if (!seen) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(seen).toBe(true);
    expect((await get('/status')).body).toContain(body);
  });
});
