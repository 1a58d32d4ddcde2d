/**
 * What subscribers receive, composed from a notice's facts: the email (subject, text and HTML, in the
 * subscriber's language) and the webhook's JSON, in the shape of Atlassian Statuspage's webhook for
 * incident updates, so tools that read Statuspage's webhooks read these unchanged:
 *
 *   { meta: { unsubscribe, documentation, generated_at },
 *     page: { id, status_indicator, status_description },
 *     incident: { id, name, status, impact, kind, created_at, updated_at, started_at, monitoring_at,
 *                 resolved_at, scheduled_for, scheduled_until, shortlink, page_id,
 *                 components: [{ id, key, name, status }],
 *                 incident_updates: [{ id, incident_id, status, body, created_at, updated_at,
 *                                      display_at, affected_components: [{ code, name, old_status, new_status }] }] } }
 */
import { DEFAULT_LOCALE, isLocale, translator, type Locale, type Translator } from '../i18n/index.js';
import { bullets, link, oneLine, para, quote, render } from '../notify/templates/format.js';
import type { RenderedMessage } from '../notify/templates/types.js';
import { INDICATOR_DESCRIPTIONS, type NoticeFacts } from './notice-data.js';

export interface NoticeLinks {
  /** The incident's public page. */
  incident: string;
  /** The one-click unsubscribe link of this message. */
  unsubscribe: string;
  /** Where the webhook's shape is described. */
  documentation: string;
}

export const incidentUrl = (publicUrl: string, incidentId: string): string => `${publicUrl}/status/incidents/${encodeURIComponent(incidentId)}`;
export const unsubscribeUrl = (publicUrl: string, token: string): string => `${publicUrl}/status/subscriptions/unsubscribe?token=${encodeURIComponent(token)}`;
export const confirmUrl = (publicUrl: string, token: string): string => `${publicUrl}/status/subscriptions/confirm?token=${encodeURIComponent(token)}`;
export const documentationUrl = (publicUrl: string): string => `${publicUrl}/status/subscribe#webhooks`;

export const localeOf = (value: string | null | undefined): Locale => (isLocale(value) ? value : DEFAULT_LOCALE);

/** The components a notice names: those the update changed (with their new status), else the incident's with their status now. */
export function noticeComponents(facts: NoticeFacts): { name: string; status: string }[] {
  const changed = facts.update.affected_components.filter((c) => c && typeof c.name === 'string');
  if (changed.length > 0) return changed.map((c) => ({ name: c.name, status: c.new_status }));
  return facts.components.map((c) => ({ name: c.name, status: c.status }));
}

const incidentStatus = (words: Translator, status: string) => words.t('status-subscriptions.incident.status', { status });
const componentStatus = (words: Translator, status: string) => words.t('status-subscriptions.component.status', { status });

/** The notice email, in the subscriber's language. */
export function noticeEmail(facts: NoticeFacts, links: NoticeLinks): RenderedMessage {
  const words = translator(localeOf(facts.subscriber.locale));
  const { t } = words;
  const status = incidentStatus(words, facts.update.status);
  const components = noticeComponents(facts);
  return render(words.locale, t('status-subscriptions.email.notice.subject', { provider: oneLine(facts.provider.name), name: oneLine(facts.incident.name), status }), [
    para(t('status-subscriptions.email.notice.heading', { kind: facts.incident.kind, name: facts.incident.name })),
    para(t('status-subscriptions.email.notice.status', { status })),
    ...(facts.incident.kind === 'maintenance' && facts.incident.scheduled_for && facts.incident.scheduled_until
      ? [para(t('status-subscriptions.email.notice.window', { start: utcTime(words.locale, facts.incident.scheduled_for), end: utcTime(words.locale, facts.incident.scheduled_until) }))]
      : []),
    quote(facts.update.body),
    ...(components.length > 0
      ? [para(t('status-subscriptions.email.notice.affected')), bullets(components.map((c) => t('status-subscriptions.email.notice.componentLine', { name: c.name, status: componentStatus(words, c.status) })))]
      : []),
    link(links.incident, t('status-subscriptions.email.notice.follow')),
    para(t('status-subscriptions.email.notice.footer', { provider: facts.provider.name })),
    link(links.unsubscribe, t('status-subscriptions.email.notice.unsubscribe')),
  ]);
}

/** An instant as the reader's language writes a date and time, in UTC (the email says so). */
const utcTime = (locale: Locale, at: Date): string => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(at);

/** The confirmation email of a new email subscription. */
export function confirmationEmail(input: { provider: string; locale: string | null; confirmUrl: string; confirmBy: Date }): RenderedMessage {
  const words = translator(localeOf(input.locale));
  const { t } = words;
  const date = utcTime(words.locale, input.confirmBy);
  return render(words.locale, t('status-subscriptions.email.confirm.subject', { provider: oneLine(input.provider) }), [
    para(t('status-subscriptions.email.confirm.intro', { provider: input.provider })),
    link(input.confirmUrl, t('status-subscriptions.email.confirm.action')),
    para(t('status-subscriptions.email.confirm.expires', { date })),
    para(t('status-subscriptions.email.confirm.ignore')),
  ]);
}

const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());

/** The webhook's JSON body (see the module comment), generated at `now`. */
export function noticePayload(facts: NoticeFacts, links: NoticeLinks, now: number): Record<string, unknown> {
  const { incident, update } = facts;
  return {
    meta: { unsubscribe: links.unsubscribe, documentation: links.documentation, generated_at: new Date(now).toISOString() },
    page: { id: facts.provider.id, status_indicator: facts.page.indicator, status_description: INDICATOR_DESCRIPTIONS[facts.page.indicator] },
    incident: {
      id: incident.id,
      name: incident.name,
      status: incident.status,
      impact: incident.impact,
      kind: incident.kind,
      created_at: iso(incident.created_at),
      updated_at: iso(incident.updated_at),
      started_at: iso(incident.started_at),
      monitoring_at: iso(incident.monitoring_at),
      resolved_at: iso(incident.resolved_at),
      scheduled_for: iso(incident.scheduled_for),
      scheduled_until: iso(incident.scheduled_until),
      shortlink: links.incident,
      page_id: facts.provider.id,
      components: facts.components.map((c) => ({ id: c.id, key: c.key, name: c.name, status: c.status })),
      incident_updates: [
        {
          id: update.id,
          incident_id: incident.id,
          status: update.status,
          body: update.body,
          created_at: iso(update.created_at),
          updated_at: iso(update.updated_at),
          display_at: iso(update.display_at),
          affected_components: update.affected_components,
        },
      ],
    },
  };
}
