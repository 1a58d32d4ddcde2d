/**
 * A ticket's escalations as the ticket reads them: each one's response target counts in the ticket's
 * time to breach, and ticket reads list them. Raising one, and its timers, belong to `escalation/`.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { cancelTimers } from '../timers/index.js';

type Db = Kysely<Database>;

/** An escalation row with when it was answered: stored, or else the first public staff reply since it was raised. */
export interface EscalationRecord {
  id: string;
  ticket_id: string;
  raised_by: string | null;
  reason: string;
  via_growth_manager: boolean;
  note: string | null;
  raised_at: Date;
  due_at: Date | null;
  calendar_id: string | null;
  duration_ms: number | null;
  responded_at: Date | null;
}

const firstStaffReply = sql<Date | null>`(
  select min(c.created_at) from ticket_comments c join users u on u.id = c.author_id
  where c.ticket_id = e.ticket_id and c.public and u.role <> 'customer' and c.created_at >= e.raised_at
)`;

/** The escalations of these tickets, oldest first, read in one query. */
export async function loadEscalations(db: Db, ticketIds: readonly string[]): Promise<Map<string, EscalationRecord[]>> {
  const result = new Map<string, EscalationRecord[]>(ticketIds.map((id) => [id, []]));
  if (ticketIds.length === 0) return result;
  const rows = await db
    .selectFrom('escalations as e')
    .select(['e.id', 'e.ticket_id', 'e.raised_by', 'e.reason', 'e.via_growth_manager', 'e.note', 'e.raised_at', 'e.due_at', 'e.calendar_id', 'e.duration_ms'])
    .select(sql<Date | null>`coalesce(e.responded_at, ${firstStaffReply})`.as('responded_at'))
    .where('e.ticket_id', 'in', [...ticketIds])
    .orderBy('e.raised_at')
    .orderBy('e.id')
    .execute();
  for (const row of rows) {
    result.get(row.ticket_id)?.push({ ...row, responded_at: row.responded_at === null ? null : new Date(row.responded_at), duration_ms: row.duration_ms === null ? null : Number(row.duration_ms) });
  }
  return result;
}

/**
 * Records the response of the ticket's answered escalations (their response-target timers stop) and
 * returns the earliest due time among those still waiting (null when none): the escalation's share of
 * the ticket's time to breach. Runs in the transaction of the command that changed the ticket.
 */
export async function settleEscalations(db: Db, ticketId: string, now?: number): Promise<Date | null> {
  const answered = await db
    .updateTable('escalations as e')
    .set({ responded_at: firstStaffReply })
    .where('e.ticket_id', '=', ticketId)
    .where('e.responded_at', 'is', null)
    .where(sql<boolean>`${firstStaffReply} is not null`)
    .returning('e.id')
    .execute();
  // An escalation's timers are keyed by its id on the ticket: those of the answered ones stop.
  if (answered.length > 0) await cancelTimers(db, { subjectId: ticketId, keys: answered.map((e) => e.id), ...(now === undefined ? {} : { now }) });
  const open = await db
    .selectFrom('escalations')
    .select((eb) => eb.fn.min('due_at').as('due'))
    .where('ticket_id', '=', ticketId)
    .where('responded_at', 'is', null)
    .executeTakeFirst();
  return open?.due ? new Date(open.due) : null;
}

/** The earlier of two due instants (either may be absent). */
export const earliest = (a: Date | null, b: Date | null): Date | null => (a === null ? b : b === null ? a : a.getTime() <= b.getTime() ? a : b);
