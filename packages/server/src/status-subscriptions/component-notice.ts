/**
 * A notice of a component's status set by hand (no incident): its facts, read when it is delivered,
 * the email (in the subscriber's language) and the webhook's JSON in the shape of Atlassian
 * Statuspage's component_update webhook, so tools that read Statuspage's webhooks read it unchanged:
 *
 *   { meta: { unsubscribe, documentation, generated_at },
 *     page: { id, status_indicator, status_description },
 *     component_update: { id, component_id, component_type, old_status, new_status, created_at },
 *     component: { id, page_id, group_id, name, description, status, position, showcase, created_at, updated_at } }
 */
import type { Kysely } from 'kysely';
import type { ComponentStatus } from '../db/incident-tables.js';
import type { Database } from '../db/schema.js';
import { translator } from '../i18n/index.js';
import { link, oneLine, para, render } from '../notify/templates/format.js';
import type { RenderedMessage } from '../notify/templates/types.js';
import { localeOf } from './notice-content.js';
import { INDICATOR_DESCRIPTIONS, providerIndicator, type Indicator } from './notice-data.js';
import type { StatusSubscriber } from './tables.js';

export interface ComponentNoticeFacts {
  notice: { id: string; created_at: Date };
  subscriber: StatusSubscriber;
  provider: { id: string; name: string };
  change: { id: string; old_status: ComponentStatus; new_status: ComponentStatus; at: Date };
  component: { id: string; key: string; name: string; description: string | null; group_id: string | null; position: number; showcase: boolean; created_at: Date; updated_at: Date };
  page: { indicator: Indicator };
}

export interface ComponentNoticeLinks {
  /** The public status page. */
  status: string;
  unsubscribe: string;
  documentation: string;
}

export const statusPageUrl = (publicUrl: string): string => `${publicUrl}/status`;

/** The facts of a component's notice, or null when it is an incident's notice or what it is about is gone. */
export async function componentNoticeFacts(db: Kysely<Database>, noticeId: string): Promise<ComponentNoticeFacts | null> {
  const notice = await db.selectFrom('status_notices').selectAll().where('id', '=', noticeId).executeTakeFirst();
  if (!notice || notice.component_id === null || notice.component_update_id === null || notice.old_status === null || notice.new_status === null) return null;
  const subscriber = await db.selectFrom('status_subscribers').selectAll().where('id', '=', notice.subscriber_id).executeTakeFirst();
  const component = await db.selectFrom('status_components').selectAll().where('id', '=', notice.component_id).executeTakeFirst();
  if (!subscriber || !component) return null;
  const provider = await db.selectFrom('providers').select(['id', 'name']).where('id', '=', component.provider_id).executeTakeFirstOrThrow();
  return {
    notice: { id: notice.id, created_at: notice.created_at },
    subscriber,
    provider,
    change: { id: notice.component_update_id, old_status: notice.old_status, new_status: notice.new_status, at: notice.created_at },
    component: {
      id: component.id,
      key: component.key,
      name: component.name,
      description: component.description,
      group_id: component.group_id,
      position: component.position,
      showcase: component.showcase,
      created_at: component.created_at,
      updated_at: component.updated_at,
    },
    page: { indicator: await providerIndicator(db, provider.id) },
  };
}

/** The email: "<component> is now <status>", the status before, when, and the status page. */
export function componentNoticeEmail(facts: ComponentNoticeFacts, links: ComponentNoticeLinks): RenderedMessage {
  const words = translator(localeOf(facts.subscriber.locale));
  const { t } = words;
  const now = t('status-subscriptions.email.component.now', { name: oneLine(facts.component.name), status: facts.change.new_status });
  const at = new Intl.DateTimeFormat(words.locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(facts.change.at);
  return render(words.locale, t('status-subscriptions.email.component.subject', { provider: oneLine(facts.provider.name), change: now }), [
    para(now),
    para(t('status-subscriptions.email.component.before', { status: t('status-subscriptions.component.status', { status: facts.change.old_status }) })),
    para(t('status-subscriptions.email.component.at', { date: at })),
    link(links.status, t('status-subscriptions.email.component.follow')),
    para(t('status-subscriptions.email.notice.footer', { provider: facts.provider.name })),
    link(links.unsubscribe, t('status-subscriptions.email.notice.unsubscribe')),
  ]);
}

/** The webhook's JSON body (see the module comment), generated at `now`. */
export function componentNoticePayload(facts: ComponentNoticeFacts, links: ComponentNoticeLinks, now: number): Record<string, unknown> {
  const { change, component } = facts;
  return {
    meta: { unsubscribe: links.unsubscribe, documentation: links.documentation, generated_at: new Date(now).toISOString() },
    page: { id: facts.provider.id, status_indicator: facts.page.indicator, status_description: INDICATOR_DESCRIPTIONS[facts.page.indicator] },
    component_update: {
      id: change.id,
      component_id: component.id,
      component_type: 'Component',
      old_status: change.old_status,
      new_status: change.new_status,
      created_at: change.at.toISOString(),
    },
    component: {
      id: component.id,
      page_id: facts.provider.id,
      group_id: component.group_id,
      name: component.name,
      description: component.description,
      status: change.new_status,
      position: component.position,
      showcase: component.showcase,
      created_at: component.created_at.toISOString(),
      updated_at: component.updated_at.toISOString(),
    },
  };
}
