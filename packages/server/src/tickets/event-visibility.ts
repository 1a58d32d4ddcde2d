/**
 * Which audit entries of a ticket its customers see, and how much of each. An allow-list by event
 * type: an entry whose type is not listed here (a new kind included) is for staff only, so nothing
 * internal reaches a customer by default. Staff-only: internal notes and the files attached to them,
 * routing decisions and their reasons (they name staff and their hours), assignment changes, breach
 * and escalation warnings (timer internals), escalation alerts and who they went to.
 */
import type { EventJson } from './present.js';

type Fields = Record<string, unknown>;

/** What deciding an entry's visibility needs beyond the entry itself. */
export interface CustomerEventContext {
  /** Attachments the customer may see (not on an internal note). */
  visibleAttachmentIds: ReadonlySet<string>;
}

/** What a customer reads of one entry, or null when the entry is not for them. */
type CustomerView = (event: EventJson, context: CustomerEventContext) => EventJson | null;

const asIs: CustomerView = (event) => event;

/** Keeps only the named fields of `before` and `after`; the entry is hidden when none of them changed. */
const onlyFields =
  (fields: readonly string[]): CustomerView =>
  (event) => {
    const before = pick(event.before, fields);
    const after = pick(event.after, fields);
    if (Object.keys(before ?? {}).length === 0 && Object.keys(after ?? {}).length === 0) return null;
    return { ...event, before, after };
  };

/** The fields of a ticket a customer reads and may change themselves; assignment (who, which team) is staff business. */
const CUSTOMER_TICKET_FIELDS = ['subject', 'description', 'environment', 'language', 'project_id', 'product', 'intake'] as const;

const CUSTOMER_VIEWS: Readonly<Record<string, CustomerView>> = {
  created: asIs,
  status_changed: asIs,
  reply_added: asIs,
  updated: onlyFields(CUSTOMER_TICKET_FIELDS),
  // The priority change and its reason are part of the ticket's history the customer is shown.
  reclassified: asIs,
  acknowledged: asIs,
  pending_reminder: asIs,
  auto_solved: asIs,
  // The escalation itself, without the staff it alerted.
  escalated: onlyFields(['escalation_id', 'via', 'reason', 'due_at']),
  attachment_added: (event, context) => {
    const id = (event.after as Fields | null)?.attachment_id;
    return typeof id === 'string' && context.visibleAttachmentIds.has(id) ? { ...event, after: pick(event.after, ['attachment_id', 'filename', 'size']) } : null;
  },
};

/** The entries a customer sees, in the same order, each cut to what is meant for them. */
export function customerEvents(events: readonly EventJson[], context: CustomerEventContext): EventJson[] {
  const visible: EventJson[] = [];
  for (const event of events) {
    const view = Object.hasOwn(CUSTOMER_VIEWS, event.type) ? CUSTOMER_VIEWS[event.type]! : null;
    const shown = view?.(event, context) ?? null;
    if (shown !== null) visible.push(shown);
  }
  return visible;
}

/** The event types customers see (any other type is for staff only). */
export const CUSTOMER_EVENT_TYPES: readonly string[] = Object.keys(CUSTOMER_VIEWS);

function pick(value: unknown, fields: readonly string[]): Fields | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const out: Fields = {};
  for (const field of fields) if (Object.hasOwn(value, field)) out[field] = (value as Fields)[field];
  return out;
}
