import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database, NotificationRecipient, Role, Ticket } from '../db/schema.js';
import { isNotifyEvent, shouldNotify, type NotificationPreferences, type NotifyRole } from '../notify/index.js';
import type { PolicyCatalog } from '../policy/catalog.js';
import type { Clock } from '../clock.js';
import { type Locale, recipientLocale } from '../i18n/index.js';
import { type BatchHandler, enqueueOutboxMany, type OutboxMessage } from '../timers/index.js';
import { ticketPageUrl, ticketSummary, templateDataFor } from './template-data.js';
import { anyOf } from '../db/any-of.js';

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
  /** The language the email is written in: the recipient's (see `recipientLocale`). Older messages have none: English. */
  locale?: Locale;
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
  locale: string | null;
  providerId: string;
  preferences: NotificationPreferences | null;
}

type EventRow = Selectable<Database['notification_events']>;

/** Everyone of these providers whom any of the recipients names (by id or by role), active, by email. */
async function peopleFor(db: Kysely<Database>, providerIds: readonly string[], recipients: readonly NotificationRecipient[]): Promise<Person[]> {
  const ids = [...new Set(recipients.flatMap((r) => ('user_id' in r ? [r.user_id] : [])))];
  const roles = [...new Set(recipients.flatMap((r) => ('role' in r ? [r.role] : [])))];
  if (providerIds.length === 0 || (ids.length === 0 && roles.length === 0)) return [];
  const rows = await db
    .selectFrom('users')
    .leftJoin('notification_preferences', 'notification_preferences.user_id', 'users.id')
    .select(['users.id', 'users.name', 'users.email', 'users.role', 'users.zone', 'users.locale', 'users.provider_id', 'notification_preferences.preferences'])
    .where('users.provider_id', '=', anyOf(providerIds, 'uuid'))
    .where('users.active', '=', true)
    .where((eb) => {
      const any = [];
      if (ids.length) any.push(eb('users.id', '=', anyOf(ids, 'uuid')));
      if (roles.length) any.push(eb(sql`users.role::text`, '=', anyOf(roles, 'text')));
      return eb.or(any);
    })
    .orderBy('users.email')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    zone: row.zone,
    locale: row.locale,
    providerId: row.provider_id,
    preferences: (row.preferences as NotificationPreferences | null) ?? null,
  }));
}

/** The people of the ticket's provider an event names, in the order of their email address. */
function namedBy(people: readonly Person[], providerId: string, recipients: readonly NotificationRecipient[]): Person[] {
  const ids = new Set(recipients.flatMap((r) => ('user_id' in r ? [r.user_id] : [])));
  const roles = new Set<string>(recipients.flatMap((r) => ('role' in r ? [r.role] : [])));
  return people.filter((p) => p.providerId === providerId && (ids.has(p.id) || roles.has(p.role)));
}

/**
 * Turns recorded notification events into outbox messages, in the transaction that claimed their
 * timers: an email to each recipient whose preferences take the event, and a webhook delivery to each
 * active endpoint of the provider that subscribes to it. Each message is keyed by the event and its
 * receiver, so it exists once. The events claimed together are read, and their messages written, with
 * a few statements for all of them.
 */
export function dispatchHandler(deps: DispatchDeps): BatchHandler {
  return {
    batch: true,
    run: (timers, trx: Transaction<any>) => dispatchEvents(deps, trx as unknown as Kysely<Database>, timers.map((t) => Number(t.subjectId))),
  };
}

async function dispatchEvents(deps: DispatchDeps, db: Kysely<Database>, eventIds: readonly number[]): Promise<void> {
  if (eventIds.length === 0) return;
  const events = await db.selectFrom('notification_events').selectAll().where('id', '=', anyOf(eventIds, 'bigint')).where('delivered_at', 'is', null).orderBy('id').forUpdate().execute();
  if (events.length === 0) return;
  const now = deps.clock.now();
  const publicUrl = deps.publicUrl();
  const ticketIds = [...new Set(events.flatMap((e) => (e.ticket_id ? [e.ticket_id] : [])))];
  const ticketRows =
    ticketIds.length === 0
      ? []
      : await db.selectFrom('tickets').innerJoin('accounts', 'accounts.id', 'tickets.account_id').selectAll('tickets').select('accounts.provider_id as account_provider_id').where('tickets.id', '=', anyOf(ticketIds, 'uuid')).execute();
  const tickets = new Map(
    ticketRows.map(({ search: _search, account_provider_id, ...ticket }) => [ticket.id, { ticket: ticket as Ticket, providerId: account_provider_id }]),
  );
  const providerIds = [...new Set([...tickets.values()].map((t) => t.providerId))];
  const mailed = events.filter((e) => isNotifyEvent(e.event) && e.ticket_id !== null && tickets.has(e.ticket_id));
  const people = await peopleFor(db, providerIds, mailed.flatMap((e) => e.recipients as NotificationRecipient[]));
  // The targets the emails that list them show, read once for all their tickets.
  const listed = [...new Set(mailed.filter((e) => LISTS_TARGETS.has(e.event)).map((e) => e.ticket_id!))];
  const targets = await targetsOf(db, listed);
  const endpoints =
    providerIds.length === 0
      ? []
      : await db.selectFrom('webhook_endpoints').select(['id', 'events', 'provider_id']).where('provider_id', '=', anyOf(providerIds, 'uuid')).where('active', '=', true).orderBy('created_at').orderBy('id').execute();
  const messages: OutboxMessage[] = [];
  for (const event of events) {
    const found = event.ticket_id ? tickets.get(event.ticket_id) : undefined;
    if (!found) continue;
    const { ticket, providerId } = found;
    const payload = (event.payload ?? {}) as Record<string, unknown>;
    if (isNotifyEvent(event.event)) {
      for (const person of namedBy(people, providerId, event.recipients as NotificationRecipient[])) {
        if (!shouldNotify(person.preferences, person.role as NotifyRole, event.event)) continue;
        const locale = recipientLocale(person, ticket.language);
        const recipient = { name: person.name, role: person.role, zone: person.zone, locale };
        const data = await templateDataFor(event.event, { db, registry: deps.registry, publicUrl, ticket, payload, recipient, targets: targets.get(ticket.id) ?? [] });
        if (data === null) continue;
        const message: EmailMessage = { event: event.event, ticket_id: ticket.id, user_id: person.id, to: { name: person.name, address: person.email }, data, locale };
        messages.push({ topic: 'email', idempotencyKey: `notification:${event.id}:${person.id}`, payload: message, now });
      }
    }
    for (const endpoint of endpoints) {
      if (endpoint.provider_id !== providerId) continue;
      const wanted = endpoint.events as string[];
      if (wanted.length > 0 && !wanted.includes(event.event)) continue;
      messages.push({ topic: 'webhook', idempotencyKey: `notification:${event.id}:${endpoint.id}`, payload: webhookMessage(endpoint.id, event, ticket, payload, publicUrl), now });
    }
  }
  await enqueueOutboxMany(db, messages);
  await db.updateTable('notification_events').set({ delivered_at: new Date(now) }).where('id', '=', anyOf(events.map((e) => e.id), 'bigint')).execute();
}

/** The events whose emails list the ticket's targets. */
const LISTS_TARGETS = new Set<string>(['ticket_created', 'assigned']);

/** The targets with a due time of each ticket, soonest first. */
async function targetsOf(db: Kysely<Database>, ticketIds: readonly string[]): Promise<Map<string, Selectable<Database['sla_targets']>[]>> {
  const byTicket = new Map<string, Selectable<Database['sla_targets']>[]>();
  if (ticketIds.length === 0) return byTicket;
  const rows = await db.selectFrom('sla_targets').selectAll().where('ticket_id', '=', anyOf(ticketIds, 'uuid')).where('due_at', 'is not', null).orderBy('ticket_id').orderBy('due_at').execute();
  for (const row of rows) {
    const list = byTicket.get(row.ticket_id);
    if (list) list.push(row);
    else byTicket.set(row.ticket_id, [row]);
  }
  return byTicket;
}

function webhookMessage(endpointId: string, event: EventRow, ticket: Ticket, payload: Record<string, unknown>, publicUrl: string): WebhookMessage {
  return {
    endpoint_id: endpointId,
    event: {
      id: `evt_${event.id}`,
      type: event.event,
      occurredAt: event.created_at.toISOString(),
      data: {
        ticket: {
          ...ticketSummary(ticket, publicUrl, 'staff'),
          portal_url: ticketPageUrl(publicUrl, ticket.id, 'customer'),
          status: ticket.status,
          priority: ticket.priority,
          assignee_id: ticket.assignee_id,
        },
        ...payload,
      },
    },
  };
}
