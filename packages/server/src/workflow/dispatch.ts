import type { Kysely, Transaction } from 'kysely';
import type { Database, NotificationRecipient, Role } from '../db/schema.js';
import { isNotifyEvent, shouldNotify, type NotificationPreferences, type NotifyRole } from '../notify/index.js';
import type { PolicyCatalog } from '../policy/catalog.js';
import type { Clock } from '../clock.js';
import { enqueueOutbox, type TransactionalHandler } from '../timers/index.js';
import { ticketPageUrl, ticketSummary, templateDataFor } from './template-data.js';

export interface DispatchDeps {
  clock: Clock;
  registry: PolicyCatalog;
  /** Where links point now, e.g. https://desk.example.com (read per event: the server may learn it after start-up). */
  publicUrl: () => string;
}

/** An email waiting in the outbox: rendered by the mail handler from this. */
export interface EmailMessage {
  event: string;
  ticket_id: string;
  user_id: string;
  to: { name: string; address: string };
  data: unknown;
}

/** A webhook delivery waiting in the outbox: one event for one endpoint. */
export interface WebhookMessage {
  endpoint_id: string;
  event: { id: string; type: string; occurredAt: string; data: unknown };
}

interface Person {
  id: string;
  name: string;
  email: string;
  role: Role;
  zone: string;
  preferences: NotificationPreferences | null;
}

async function peopleFor(db: Kysely<Database>, providerId: string, recipients: readonly NotificationRecipient[]): Promise<Person[]> {
  const ids = recipients.flatMap((r) => ('user_id' in r ? [r.user_id] : []));
  const roles = recipients.flatMap((r) => ('role' in r ? [r.role] : []));
  if (ids.length === 0 && roles.length === 0) return [];
  const rows = await db
    .selectFrom('users')
    .leftJoin('notification_preferences', 'notification_preferences.user_id', 'users.id')
    .select(['users.id', 'users.name', 'users.email', 'users.role', 'users.zone', 'notification_preferences.preferences'])
    .where('users.provider_id', '=', providerId)
    .where('users.active', '=', true)
    .where((eb) => {
      const any = [];
      if (ids.length) any.push(eb('users.id', 'in', ids));
      if (roles.length) any.push(eb('users.role', 'in', roles));
      return eb.or(any);
    })
    .orderBy('users.email')
    .execute();
  return rows.map((row) => ({ id: row.id, name: row.name, email: row.email, role: row.role, zone: row.zone, preferences: (row.preferences as NotificationPreferences | null) ?? null }));
}

/**
 * Turns one recorded notification event into outbox messages, in one transaction: an email to each
 * recipient whose preferences take the event, and a webhook delivery to each active endpoint of the
 * provider that subscribes to it. Each message is keyed by the event and its receiver, so it exists once.
 */
export function dispatchHandler(deps: DispatchDeps): TransactionalHandler {
  return async (timer, trx: Transaction<any>) => {
    const db = trx as unknown as Kysely<Database>;
    const event = await db.selectFrom('notification_events').selectAll().where('id', '=', Number(timer.subjectId)).forUpdate().executeTakeFirst();
    if (!event || event.delivered_at !== null) return;
    const now = deps.clock.now();
    const publicUrl = deps.publicUrl();
    const ticket = event.ticket_id ? await db.selectFrom('tickets').selectAll().where('id', '=', event.ticket_id).executeTakeFirst() : undefined;
    const providerId = ticket
      ? (await db.selectFrom('accounts').select('provider_id').where('id', '=', ticket.account_id).executeTakeFirstOrThrow()).provider_id
      : null;
    const payload = (event.payload ?? {}) as Record<string, unknown>;
    if (ticket && providerId) {
      const { search: _search, ...plain } = ticket;
      if (isNotifyEvent(event.event)) {
        for (const person of await peopleFor(db, providerId, event.recipients as NotificationRecipient[])) {
          if (!shouldNotify(person.preferences, person.role as NotifyRole, event.event)) continue;
          const recipient = { name: person.name, role: person.role, zone: person.zone };
          const data = await templateDataFor(event.event, { db, registry: deps.registry, publicUrl, ticket: plain, payload, recipient });
          if (data === null) continue;
          const message: EmailMessage = { event: event.event, ticket_id: ticket.id, user_id: person.id, to: { name: person.name, address: person.email }, data };
          await enqueueOutbox(db, { topic: 'email', idempotencyKey: `notification:${event.id}:${person.id}`, payload: message, now });
        }
      }
      const endpoints = await db.selectFrom('webhook_endpoints').select(['id', 'events']).where('provider_id', '=', providerId).where('active', '=', true).execute();
      for (const endpoint of endpoints) {
        const wanted = endpoint.events as string[];
        if (wanted.length > 0 && !wanted.includes(event.event)) continue;
        const message: WebhookMessage = {
          endpoint_id: endpoint.id,
          event: {
            id: `evt_${event.id}`,
            type: event.event,
            occurredAt: event.created_at.toISOString(),
            data: {
              ticket: {
                ...ticketSummary(plain, publicUrl, 'staff'),
                portal_url: ticketPageUrl(publicUrl, plain.id, 'customer'),
                status: plain.status,
                priority: plain.priority,
                assignee_id: plain.assignee_id,
              },
              ...payload,
            },
          },
        };
        await enqueueOutbox(db, { topic: 'webhook', idempotencyKey: `notification:${event.id}:${endpoint.id}`, payload: message, now });
      }
    }
    await db.updateTable('notification_events').set({ delivered_at: new Date(now) }).where('id', '=', event.id).execute();
  };
}
