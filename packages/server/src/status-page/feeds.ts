/**
 * The history as feeds, `/history.atom` and `/history.rss`, written by the `feed` library: one entry
 * per published incident or maintenance in the snapshot (newest first), its updates as the content.
 * Feed readers send no language, so the feeds are in English.
 */
import { Feed } from 'feed';
import { wordsOf } from './html-words.js';
import type { StatusSnapshot } from './snapshot.js';

export function historyFeed(snapshot: StatusSnapshot, baseUrl: string): Feed {
  const w = wordsOf('en');
  const name = snapshot.provider.name;
  const feed = new Feed({
    id: `${baseUrl}/status`,
    title: w.t('status-page.feed.title', { name }),
    description: w.t('status-page.feed.description', { name }),
    link: `${baseUrl}/status`,
    language: 'en',
    updated: new Date(snapshot.incidents.reduce((latest, i) => (i.updated_at > latest ? i.updated_at : latest), snapshot.incidents.length > 0 ? snapshot.incidents[0]!.updated_at : snapshot.taken_at)),
    generator: 'Hourglass',
    copyright: name,
    feedLinks: { atom: `${baseUrl}/history.atom`, rss: `${baseUrl}/history.rss` },
  });
  for (const incident of snapshot.incidents) {
    const link = `${baseUrl}/status/incidents/${incident.id}`;
    const content = incident.updates
      .map((u) => `<p><strong>${escapeXmlText(w.incidentStatus(u.status))}</strong> — ${escapeXmlText(w.time(u.display_at))}<br>${escapeXmlText(u.body)}</p>`)
      .join('');
    feed.addItem({
      title: incident.name,
      id: link,
      link,
      date: new Date(incident.updated_at),
      published: new Date(incident.created_at),
      description: escapeXmlText(incident.updates[0]?.body ?? w.incidentStatus(incident.status)),
      content: content === '' ? w.incidentStatus(incident.status) : content,
    });
  }
  return feed;
}

/** The feed's description and content are HTML (the library wraps them in CDATA): the incident's text is escaped in it. */
function escapeXmlText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
