import type { Kysely } from 'kysely';
import { TICKET_COLUMNS, type Database, type Ticket } from '../db/schema.js';

/** The ticket a timer is about, locked for the rest of the handler's transaction; undefined when it is gone. */
export async function lockTicket(db: Kysely<Database>, id: string): Promise<Ticket | undefined> {
  return db.selectFrom('tickets').select(TICKET_COLUMNS).where('id', '=', id).forUpdate().executeTakeFirst();
}
