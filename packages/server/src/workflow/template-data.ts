import { formatInstant, isValidZone } from '@hourglass/engine';
import type { Kysely, Selectable } from 'kysely';
import type { Database, Role, Ticket } from '../db/schema.js';
import type { DueTime, NotifyEvent, TargetLine, TemplateData, TicketSummary } from '../notify/index.js';
import { DEFAULT_LOCALE, type Locale, translator } from '../i18n/index.js';
import { pinnedVersion, type PolicyCatalog } from '../policy/catalog.js';
import { isRoutingWhy } from '../assignment-reasons/why.js';
import { routingReasonIn } from '../assignment-reasons/text.js';
import { type ExplanationStep, isExplanationStep } from '../sla/explain-text.js';

type Payload = Record<string, unknown>;

export interface TemplateContext {
  db: Kysely<Database>;
  registry: PolicyCatalog;
  /** Where links in emails point, e.g. https://desk.example.com. */
  publicUrl: string;
  ticket: Ticket;
  payload: Payload;
  /** The person the email goes to: the greeting, which page links open, the zone times are shown in, and the language. */
  recipient: { name: string; role: Role; zone: string; locale?: Locale };
  /** The ticket's targets with a due time, soonest first, when the caller has read them already. */
  targets?: readonly Selectable<Database['sla_targets']>[];
}

const text = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value : fallback);

/** Why a ticket was assigned, in the reader's language when the routing decision was stored as data (older events: the words recorded). */
function assignedReason(payload: Record<string, unknown>, locale: Locale): { reason?: string } {
  if (isRoutingWhy(payload.why)) return { reason: routingReasonIn(locale, payload.why) };
  return payload.reason ? { reason: text(payload.reason) } : {};
}
const lines = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** An alert's explanation: its steps (phrased in the reader's language when rendered), else the English lines stored by earlier versions. */
function explanationOf(payload: Payload): { explanation: (ExplanationStep | string)[]; explanationHidden?: number } {
  const steps = Array.isArray(payload.explanation_steps) ? payload.explanation_steps.filter(isExplanationStep) : [];
  if (steps.length === 0) return { explanation: lines(payload.explanation) };
  return { explanation: steps, explanationHidden: Number(payload.explanation_hidden ?? 0) || 0 };
}

/** Who opens a link: customers use the portal, staff the console. */
export type LinkAudience = 'customer' | 'staff';

export const audienceOf = (role: Role): LinkAudience => (role === 'customer' ? 'customer' : 'staff');

/**
 * The web app's page of a ticket for `audience`: `/portal/tickets/<id>` for customers and
 * `/console/tickets/<id>` (the workspace) for staff, the routes of packages/web/src/portal/PortalApp.tsx
 * and console/ConsoleApp.tsx.
 */
export function ticketPageUrl(publicUrl: string, ticketId: string, audience: LinkAudience): string {
  return `${publicUrl.replace(/\/+$/, '')}/${audience === 'customer' ? 'portal' : 'console'}/tickets/${encodeURIComponent(ticketId)}`;
}

export function ticketSummary(ticket: Pick<Ticket, 'id' | 'number' | 'subject'>, publicUrl: string, audience: LinkAudience): TicketSummary {
  return { id: ticket.id, number: Number(ticket.number), subject: ticket.subject, url: ticketPageUrl(publicUrl, ticket.id, audience) };
}

/** Zone names found valid (building a formatter to find out is slow, and the answer never changes). */
const validZones = new Set<string>();

const isZone = (zone: unknown): zone is string => {
  if (typeof zone !== 'string') return false;
  if (validZones.has(zone)) return true;
  if (!isValidZone(zone)) return false;
  validZones.add(zone);
  return true;
};

/** The zone a reader sees times in: their own (every user has one), else the zone of the rules (`fallback`), else UTC. */
export function readerZone(recipientZone: string | null | undefined, fallback: unknown): string {
  if (isZone(recipientZone)) return recipientZone;
  return isZone(fallback) ? fallback : 'UTC';
}

function dueTime(iso: unknown, zone: string): DueTime | undefined {
  if (typeof iso !== 'string' || Number.isNaN(Date.parse(iso))) return undefined;
  return { iso: formatInstant(Date.parse(iso), zone), zone };
}

function calendarZone(registry: PolicyCatalog, ticket: Ticket, calendarId: unknown): string {
  if (typeof calendarId !== 'string') return 'UTC';
  try {
    return pinnedVersion(registry, ticket.pack_id, ticket.pack_version).calendar(calendarId).zone;
  } catch {
    return 'UTC';
  }
}

async function targetLines(ctx: TemplateContext): Promise<TargetLine[]> {
  const rows = ctx.targets ?? (await ctx.db.selectFrom('sla_targets').selectAll().where('ticket_id', '=', ctx.ticket.id).where('due_at', 'is not', null).orderBy('due_at').execute());
  return rows.map((row) => {
    const zone = readerZone(ctx.recipient.zone, calendarZone(ctx.registry, ctx.ticket, row.calendar_id));
    return { metric: row.metric, due: { iso: formatInstant(row.due_at!.getTime(), zone), zone } };
  });
}

async function userName(db: Kysely<Database>, id: unknown, fallback: string): Promise<string> {
  if (typeof id !== 'string') return fallback;
  const user = await db.selectFrom('users').select('name').where('id', '=', id).executeTakeFirst();
  return user?.name ?? fallback;
}

/** What the escalation alerts share: why and by whom it was raised, when the response is due, who holds the ticket. */
async function escalationAlert(ctx: TemplateContext, payload: Payload, zone: string) {
  const { t } = translator(ctx.recipient.locale ?? DEFAULT_LOCALE);
  const responseDue = dueTime(payload.due_at, zone);
  if (!responseDue) return null;
  const assignee = typeof payload.assignee_id === 'string' ? await userName(ctx.db, payload.assignee_id, '') : '';
  return {
    reason: text(payload.reason_label, text(payload.reason, 'escalated')),
    escalatedBy: await userName(ctx.db, payload.raised_by, t('email.escalation.customer')),
    responseDue,
    ...(assignee ? { assigneeName: assignee } : {}),
  };
}

/** The template data of an event, from the ticket as it is now and the event's recorded payload; null when the event has no email. */
export async function templateDataFor(event: NotifyEvent, ctx: TemplateContext): Promise<TemplateData[NotifyEvent] | null> {
  const { ticket, payload, recipient } = ctx;
  const { t } = translator(recipient.locale ?? DEFAULT_LOCALE);
  const summary = ticketSummary(ticket, ctx.publicUrl, audienceOf(recipient.role));
  /** The reader's zone, or the zone of the rules the time comes from when the reader has none. */
  const zoneFor = (rulesZone: unknown) => readerZone(recipient.zone, rulesZone);
  const rulesZone = (): string => (typeof payload.zone === 'string' ? payload.zone : calendarZone(ctx.registry, ticket, payload.calendar_id));
  switch (event) {
    case 'ticket_created':
      return { ticket: summary, requesterName: recipient.name, priority: ticket.priority, targets: await targetLines(ctx) };
    case 'public_reply':
      return { ticket: summary, authorName: text(payload.author_name, t('email.publicReply.support')), body: text(payload.body) };
    case 'pending_reminder': {
      const due = dueTime(payload.auto_solve_at, zoneFor(payload.zone));
      return due ? { ticket: summary, autoSolveAt: due } : null;
    }
    case 'auto_solved':
      return { ticket: summary, pendingBusinessDays: Number(payload.pending_business_days ?? 0) };
    case 'assigned':
      return { ticket: summary, assigneeName: recipient.name, priority: ticket.priority, targets: await targetLines(ctx), ...assignedReason(payload, recipient.locale ?? DEFAULT_LOCALE) };
    case 'breach_warning': {
      const due = dueTime(payload.due_at, zoneFor(rulesZone()));
      return due ? { ticket: summary, metric: text(payload.metric), due, remainingMs: Number(payload.remaining_ms ?? 0), ...explanationOf(payload), explanationZone: rulesZone() } : null;
    }
    case 'breached': {
      const due = dueTime(payload.due_at, zoneFor(rulesZone()));
      return due ? { ticket: summary, metric: text(payload.metric), due, ...explanationOf(payload), explanationZone: rulesZone() } : null;
    }
    case 'escalated': {
      const raiser = await ctx.db
        .selectFrom('escalations')
        .innerJoin('users', 'users.id', 'escalations.raised_by')
        .select('users.name')
        .where('escalations.ticket_id', '=', ticket.id)
        .orderBy('escalations.raised_at', 'desc')
        .executeTakeFirst();
      const responseDue = dueTime(payload.due_at, zoneFor(calendarZone(ctx.registry, ticket, payload.calendar_id)));
      return {
        ticket: summary,
        reason: text(payload.reason_label, text(payload.reason, 'escalated')),
        escalatedBy: raiser?.name ?? (await userName(ctx.db, payload.raised_by, t('email.escalation.customer'))),
        ...(typeof payload.note === 'string' && payload.note ? { note: payload.note } : {}),
        ...(responseDue ? { responseDue } : {}),
      };
    }
    case 'escalation_warning': {
      const alert = await escalationAlert(ctx, payload, zoneFor(rulesZone()));
      return alert && { ...alert, ticket: summary, remainingMs: Number(payload.remaining_ms ?? 0) };
    }
    case 'escalation_breached': {
      const alert = await escalationAlert(ctx, payload, zoneFor(calendarZone(ctx.registry, ticket, payload.calendar_id)));
      return alert && { ...alert, ticket: summary };
    }
  }
}
