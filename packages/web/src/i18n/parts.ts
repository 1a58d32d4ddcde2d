/**
 * A locale's catalog comes in parts, so a page downloads only the texts it can show:
 * - `common`: the shell, sign-in, shared pieces, times and the portal's first page (the ticket list),
 *   loaded before the first render;
 * - `ticket`: a ticket's own pages (the ticket, the new ticket form, the workspace: intake,
 *   conversation, attachments, escalation), loaded with their code;
 * - `staff`: what only the console and admin pages show (the staff folders, the queue, the
 *   workspace's own panels), loaded when a staff area opens.
 * test/i18n-catalogs.test.ts follows each area's imports and checks that its parts hold every text
 * its modules name.
 */
export const MESSAGE_PARTS = ['common', 'ticket', 'staff'] as const;
export type MessagePart = (typeof MESSAGE_PARTS)[number];

/** The feature folders of `src/` whose texts only staff pages show. */
export const STAFF_FOLDERS: readonly string[] = ['accounts', 'people', 'policy', 'webhooks', 'mail-review'];

/** Texts of a ticket's own pages, by the start of their ids (`<feature>` or `<feature>.<component>`). */
export const TICKET_PAGE_TEXTS: readonly string[] = [
  'intake',
  'priority',
  'escalation.form',
  'escalation.list',
  'escalation.panel',
  'incidents.labels',
  'incidents.notice',
  'incidents.ticket',
  'tickets.attachments',
  'tickets.conversation',
  'tickets.newTicket',
  'tickets.reply',
  'tickets.ticketPage',
];

/** Texts only the console shows, by the start of their ids. */
export const CONSOLE_TEXTS: readonly string[] = [
  'availability.account',
  'availability.components',
  'escalation.staffPanel',
  'incidents.admin',
  'incidents.console',
  'incidents.detail',
  'incidents.form',
  'incidents.staffLabels',
  'incidents.workspace',
  'tickets.account',
  'tickets.history',
  'tickets.queue',
  'tickets.reclassify',
  'tickets.savedViews',
  'tickets.workspace',
];

function startsWithAny(id: string, starts: readonly string[]): boolean {
  return starts.some((start) => id === start || id.startsWith(`${start}.`));
}

/**
 * The part of the message `id` of the catalog file at `pathUnderSrc` (`people/messages/de.json`):
 * staff folders' texts are staff, other texts by the start of their id, the rest common.
 */
export function partOf(pathUnderSrc: string, id: string): MessagePart {
  const folder = pathUnderSrc.split(/[\\/]/)[0] ?? '';
  if (STAFF_FOLDERS.includes(folder) || startsWithAny(id, CONSOLE_TEXTS)) return 'staff';
  return startsWithAny(id, TICKET_PAGE_TEXTS) ? 'ticket' : 'common';
}
