/**
 * Demo status data, relative to the seed's clock: components in groups serving the demo packs'
 * products (intake form ids), the components each demo account uses, a resolved incident last month
 * with its updates and a published RFO, an incident across the start of last month, a completed and
 * an upcoming maintenance, and an active minor incident linked to a demo ticket, so the status page,
 * the console and the portal's known-issue banner show something. Fictional text only. Written
 * through the incidents' own code, so spans and updates are what the API would have made.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { findIncident } from '../incidents/incident-read.js';
import { openIncident, updateIncident, type Writer } from '../incidents/incident-write.js';
import type { ComponentStatus, IncidentStatus } from '../incidents/tables.js';
import type { SeedStep } from './seed.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const GROUPS = [
  { key: 'messaging', name: 'Messaging', description: 'SMS and WhatsApp sending and receiving' },
  { key: 'voice', name: 'Voice', description: 'Calls, conferences and IVR' },
  { key: 'email', name: 'Email', description: 'Transactional and marketing email' },
] as const;

const COMPONENTS: { key: string; name: string; group: string | null; products: string[]; description: string }[] = [
  { key: 'sms-api', name: 'SMS API', group: 'messaging', products: ['messaging'], description: 'Sending and receiving SMS, delivery receipts' },
  { key: 'whatsapp-api', name: 'WhatsApp API', group: 'messaging', products: ['messaging', 'templates', 'number_porting', 'onboarding'], description: 'WhatsApp Business messaging and templates' },
  { key: 'voice', name: 'Programmable Voice', group: 'voice', products: ['voice', 'flex'], description: 'Outbound and inbound calls, conferences, IVR' },
  { key: 'mail-send', name: 'Mail Send', group: 'email', products: ['email'], description: 'The Mail Send API and SMTP relay' },
  { key: 'email-marketing', name: 'Email Marketing', group: 'email', products: ['email'], description: 'Campaigns, lists and the designer' },
  { key: 'verify', name: 'Verify', group: null, products: ['authy'], description: 'One-time passcodes and two-factor authentication' },
];

/** Which components each demo account (by seed key) uses. */
const ACCOUNT_COMPONENTS: Record<string, string[]> = {
  twilio_free: ['sms-api', 'voice'],
  twilio_bootstrap: ['sms-api', 'mail-send'],
  twilio_premium: ['sms-api', 'voice', 'mail-send'],
  twilio_personalized: ['sms-api', 'mail-send', 'email-marketing', 'verify'],
  dialog_standard: ['whatsapp-api'],
  dialog_premium: ['whatsapp-api'],
  dialog_platinum: ['whatsapp-api'],
  exotel_enterprise: ['voice'],
  exotel_sme: ['voice'],
};

const RFO_MAIL = `## Summary

Between 14:00 and 16:10 UTC some messages sent through Mail Send were accepted but delivered late, by up to 40 minutes.

## Root cause

A configuration change reduced the number of workers that hand accepted messages to the delivery queues. Queues grew faster than they drained.

## What we changed

- The change was rolled back and the queues were drained by 16:10 UTC.
- Worker counts now have an alarm when they fall below the expected level.
- Configuration changes to the delivery tier are rolled out to one region first.`;

type Step = { after: number; status: IncidentStatus; body: string; components?: Record<string, ComponentStatus> };

export const seedDemoStatus: SeedStep = async (ctx) => {
  const { db, providerId } = ctx;
  const now = ctx.clock.now();
  // Counted for a year before the demo's day, so last month's uptime and availability include them.
  const since = new Date(now - 365 * DAY);
  const groups = new Map<string, string>();
  for (const [position, g] of GROUPS.entries()) {
    const row = await db.insertInto('status_component_groups').values({ provider_id: providerId, name: g.name, description: g.description, position, created_at: since, updated_at: since }).returning('id').executeTakeFirstOrThrow();
    groups.set(g.key, row.id);
  }
  const components = new Map<string, string>();
  for (const [position, c] of COMPONENTS.entries()) {
    const row = await db
      .insertInto('status_components')
      .values({ provider_id: providerId, key: c.key, name: c.name, description: c.description, group_id: c.group ? groups.get(c.group)! : null, position, products: JSON.stringify(c.products), created_at: since, updated_at: since })
      .returning('id')
      .executeTakeFirstOrThrow();
    components.set(c.key, row.id);
  }
  for (const [accountKey, keys] of Object.entries(ACCOUNT_COMPONENTS)) {
    const account = ctx.accounts.get(accountKey);
    if (account) await db.insertInto('account_components').values(keys.map((k) => ({ account_id: account.id, component_id: components.get(k)! }))).execute();
  }

  const author = ctx.staff.get('sun_amer') ?? [...ctx.staff.values()][0]!;
  const writer: Writer = { providerId, userId: author.id };
  const ids = (spec: Record<string, ComponentStatus>) => Object.entries(spec).map(([key, status]) => ({ id: components.get(key)!, status }));
  const story = async (
    head: { kind?: 'incident' | 'maintenance'; name: string; impact: 'none' | 'minor' | 'major' | 'critical' | 'maintenance'; start: number; scheduledFor?: number; scheduledUntil?: number },
    steps: Step[],
  ): Promise<string> => {
    const [first, ...rest] = steps;
    const incident = await openIncident(db, head.start + first!.after, writer, {
      kind: head.kind ?? 'incident',
      name: head.name,
      status: first!.status,
      impact: head.impact,
      body: first!.body,
      components: ids(first!.components ?? {}),
      ...(head.scheduledFor !== undefined && { scheduled_for: new Date(head.scheduledFor).toISOString() }),
      ...(head.scheduledUntil !== undefined && { scheduled_until: new Date(head.scheduledUntil).toISOString() }),
      notify: false,
      draft: false,
      source: 'manual',
      fingerprint: null,
    });
    for (const step of rest) {
      const current = await findIncident(db, providerId, incident.id, true);
      await updateIncident(db, head.start + step.after, writer, current, { status: step.status, body: step.body, ...(step.components && { components: ids(step.components) }), notify: false });
    }
    return incident.id;
  };

  const thisMonth = Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), 1);
  const lastMonth = Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth() - 1, 1);

  // Last month: a resolved incident with its updates and a published RFO.
  const mailStart = lastMonth + 9 * DAY + 14 * HOUR;
  const mailIncident = await story({ name: 'Delayed delivery for some Mail Send messages', impact: 'minor', start: mailStart }, [
    { after: 0, status: 'investigating', body: 'We are investigating reports of delayed delivery for messages sent through Mail Send.', components: { 'mail-send': 'degraded_performance' } },
    { after: 25 * MINUTE, status: 'identified', body: 'Delivery queues are growing after a configuration change; we are rolling it back.', components: { 'mail-send': 'partial_outage' } },
    { after: 100 * MINUTE, status: 'monitoring', body: 'The change is rolled back and queued messages are being delivered. We are watching the queues drain.', components: { 'mail-send': 'degraded_performance' } },
    { after: 130 * MINUTE, status: 'resolved', body: 'All queued messages are delivered and delivery times are back to normal.' },
  ]);
  await db
    .updateTable('incidents')
    .set({ rfo_markdown: RFO_MAIL, rfo_published_at: new Date(mailStart + 2 * DAY), rfo_published_by: author.id })
    .where('id', '=', mailIncident)
    .execute();

  // Across the start of last month: split between two months by availability.
  const crossStart = lastMonth - 50 * MINUTE;
  await story({ name: 'Errors sending SMS to several countries', impact: 'major', start: crossStart }, [
    { after: 0, status: 'investigating', body: 'Requests to send SMS fail with server errors for a share of destinations.', components: { 'sms-api': 'major_outage' } },
    { after: 35 * MINUTE, status: 'identified', body: 'A routing database failed over; sending works again for most destinations while it recovers.', components: { 'sms-api': 'partial_outage' } },
    { after: 95 * MINUTE, status: 'monitoring', body: 'All destinations are reachable again; we are monitoring error rates.', components: { 'sms-api': 'degraded_performance' } },
    { after: 145 * MINUTE, status: 'resolved', body: 'Error rates are back to normal for all destinations.' },
  ]);

  // A completed maintenance six days ago, and one announced for the days ahead.
  const doneAt = Date.UTC(new Date(now - 6 * DAY).getUTCFullYear(), new Date(now - 6 * DAY).getUTCMonth(), new Date(now - 6 * DAY).getUTCDate(), 2);
  await story({ kind: 'maintenance', name: 'Voice media server upgrade', impact: 'maintenance', start: doneAt - 3 * DAY, scheduledFor: doneAt, scheduledUntil: doneAt + HOUR }, [
    { after: 0, status: 'scheduled', body: 'We will upgrade media servers in two regions. Calls in progress may drop once; new calls are not affected.', components: { voice: 'under_maintenance' } },
    { after: 3 * DAY, status: 'in_progress', body: 'The upgrade has begun.' },
    { after: 3 * DAY + 40 * MINUTE, status: 'verifying', body: 'The upgrade is done; we are checking call quality.' },
    { after: 3 * DAY + 55 * MINUTE, status: 'completed', body: 'The maintenance is complete.' },
  ]);
  const ahead = Date.UTC(new Date(now + 5 * DAY).getUTCFullYear(), new Date(now + 5 * DAY).getUTCMonth(), new Date(now + 5 * DAY).getUTCDate(), 3);
  await story({ kind: 'maintenance', name: 'Email Marketing database upgrade', impact: 'maintenance', start: now - 2 * HOUR, scheduledFor: ahead, scheduledUntil: ahead + 2 * HOUR }, [
    { after: 0, status: 'scheduled', body: 'Campaign editing will be read-only for up to two hours while we upgrade the database. Sending scheduled campaigns is not affected.', components: { 'email-marketing': 'under_maintenance' } },
  ]);

  // Now: a minor incident, linked to the demo ticket about it when tickets were seeded.
  const activeId = await story({ name: 'Delivery receipts delayed for one carrier', impact: 'minor', start: now - 45 * MINUTE }, [
    { after: 0, status: 'investigating', body: 'Delivery receipts for messages to one carrier arrive late. Messages themselves are delivered.', components: { 'sms-api': 'degraded_performance' } },
    { after: 20 * MINUTE, status: 'identified', body: 'The carrier is sending receipts in delayed batches; we are working with them.' },
  ]);
  await linkDemoTickets(db, activeId, ['Delivery receipts missing for one carrier', 'Inbound SMS webhooks time out'], author.id, now);
};

async function linkDemoTickets(db: Kysely<Database>, incidentId: string, subjects: string[], userId: string, now: number): Promise<void> {
  const tickets = await db.selectFrom('tickets').select('id').where('subject', 'in', subjects).execute();
  if (tickets.length === 0) return;
  await db
    .insertInto('incident_tickets')
    .values(tickets.map((t) => ({ incident_id: incidentId, ticket_id: t.id, linked_by: userId, linked_at: new Date(now) })))
    .execute();
}
