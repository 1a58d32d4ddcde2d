/** Words for the ids the API uses. */
import type { TicketStatus } from '../api/types.js';

export function humanize(id: string): string {
  const text = id.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const STATUS_LABELS: Record<string, string> = {
  new: 'New',
  open: 'Open',
  pending: 'Pending (waiting on you)',
  on_hold: 'On hold',
  solved: 'Solved',
  closed: 'Closed',
} satisfies Record<TicketStatus, string>;

export const STAFF_STATUS_LABELS: Record<string, string> = { ...STATUS_LABELS, pending: 'Pending (waiting on the customer)' };

export function statusLabel(status: string, staff = false): string {
  return (staff ? STAFF_STATUS_LABELS : STATUS_LABELS)[status] ?? humanize(status);
}

export function metricLabel(metric: string): string {
  return humanize(metric);
}

const EVENT_LABELS: Record<string, string> = {
  created: 'Ticket opened',
  status_changed: 'Status changed',
  reclassified: 'Priority changed',
  assigned: 'Assigned',
  commented: 'Comment added',
  acknowledged: 'Acknowledged',
};

export function eventLabel(type: string): string {
  return EVENT_LABELS[type] ?? humanize(type);
}
