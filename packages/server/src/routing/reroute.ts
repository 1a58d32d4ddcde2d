import { sql, type Kysely } from 'kysely';
import type { Database, User } from '../db/schema.js';
import type { PolicyCatalog } from '../policy/catalog.js';
import { hasAccountManagers, ROUTED_ACCOUNT_COLUMNS, routeFor } from './assign.js';
import { recordAssignment } from '../workflow/assignment.js';
import { REROUTED_EVENT } from './events.js';
import type { RerouteCause } from '../assignment-reasons/why.js';
import { routingReasonIn } from '../assignment-reasons/text.js';
import { DEFAULT_LOCALE } from '../i18n/index.js';

const UNSOLVED = ['new', 'open', 'pending', 'on_hold'] as const;

export interface ReroutedTicket {
  ticket_id: string;
  from: string;
  to: string | null;
  team_id: string | null;
  rule: string;
}

/**
 * Moves the unattended tickets of `person` (unsolved, and no agent has replied, noted or acknowledged
 * yet) to whoever routing picks now without them, each with a `rerouted` audit entry saying why and
 * the `assigned` notification to the new assignee.
 * Runs inside the transaction that made the person unavailable; the tickets are locked while they move.
 */
export async function rerouteUnattended(
  db: Kysely<Database>,
  registry: PolicyCatalog,
  person: Pick<User, 'id' | 'name'>,
  options: { actorId: string | null; at: number; cause: RerouteCause; until?: Date },
): Promise<ReroutedTicket[]> {
  const tickets = await db
    .selectFrom('tickets as t')
    .select(['t.id', 't.account_id', 't.team_id', 't.language', 't.first_due_at'])
    .where('t.assignee_id', '=', person.id)
    .where('t.status', 'in', [...UNSOLVED])
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('ticket_comments as c')
            .innerJoin('users as u', 'u.id', 'c.author_id')
            .select(sql.lit(1).as('one'))
            .whereRef('c.ticket_id', '=', 't.id')
            .where('u.role', '<>', 'customer'),
        ),
      ),
    )
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('ticket_events as e').select(sql.lit(1).as('one')).whereRef('e.ticket_id', '=', 't.id').where('e.type', '=', 'acknowledged'))),
    )
    .orderBy('t.created_at')
    .forUpdate()
    .execute();
  const moved: ReroutedTicket[] = [];
  const at = new Date(options.at);
  for (const ticket of tickets) {
    const account = await db.selectFrom('accounts').select(ROUTED_ACCOUNT_COLUMNS).where('id', '=', ticket.account_id).executeTakeFirstOrThrow();
    const teamId = hasAccountManagers(registry, account, options.at) ? null : ticket.team_id;
    const decision = await routeFor(db, registry, account, { language: ticket.language, at: options.at, exclude: [person.id], teamId });
    await db.updateTable('tickets').set({ assignee_id: decision.assignee_id, team_id: decision.team_id, updated_at: at }).where('id', '=', ticket.id).execute();
    const why = { ...decision.why, rerouted: { name: person.name, cause: options.cause, until: options.until?.toISOString() ?? '' } };
    const reason = routingReasonIn(DEFAULT_LOCALE, why);
    await db
      .insertInto('ticket_events')
      .values({
        ticket_id: ticket.id,
        actor_id: options.actorId,
        type: REROUTED_EVENT,
        before: JSON.stringify({ assignee_id: person.id, team_id: ticket.team_id }),
        after: JSON.stringify({ assignee_id: decision.assignee_id, team_id: decision.team_id, rule: decision.rule }),
        reason,
        at,
      })
      .execute();
    await recordAssignment(db, { ticket, assigneeId: decision.assignee_id, actorId: options.actorId, reason, why, at: options.at });
    moved.push({ ticket_id: ticket.id, from: person.id, to: decision.assignee_id, team_id: decision.team_id, rule: decision.rule });
  }
  return moved;
}
