import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { AppDeps } from '../http/deps.js';
import { cancelTimers, scheduleTimer, type TimerHandlerRegistry, type TransactionalHandler } from '../timers/index.js';
import { rerouteUnattended } from './reroute.js';

const SUBJECT = 'out_of_office';

/** The timer kind of the start of an out-of-office range that began in the future; its subject is the range. */
export const OUT_OF_OFFICE_START = 'out_of_office_start';

/** Routing's timers: the hand-over at the start of an out-of-office range. */
export function registerRoutingTimerHandlers(registry: TimerHandlerRegistry, deps: AppDeps): void {
  registry.register(OUT_OF_OFFICE_START, outOfOfficeStartHandler(deps));
}

/** The range a start timer was set for; a range moved or removed since leaves the timer nothing to do. */
export interface OutOfOfficeTimerPayload {
  user_id: string;
  starts_at: number;
  ends_at: number;
}

/** Schedules the hand-over of a person's unattended tickets at the start of an out-of-office range that begins later. */
export async function scheduleOutOfOfficeStart(db: Kysely<Database>, range: { id: string; user_id: string; starts_at: Date; ends_at: Date }, now: number): Promise<void> {
  const payload: OutOfOfficeTimerPayload = { user_id: range.user_id, starts_at: range.starts_at.getTime(), ends_at: range.ends_at.getTime() };
  await scheduleTimer(db, { kind: OUT_OF_OFFICE_START, subjectType: SUBJECT, subjectId: range.id, dueAt: payload.starts_at, payload, now });
}

/** Cancels the start timer of a removed range. */
export async function cancelOutOfOfficeStart(db: Kysely<Database>, rangeId: string, now: number): Promise<number> {
  return cancelTimers(db, { subjectId: rangeId, kinds: [OUT_OF_OFFICE_START], now });
}

/**
 * At the start of an out-of-office range, the person's tickets nobody has worked on yet go to whoever
 * routing picks without them, each with its audit entry and the new assignee's notification.
 */
export function outOfOfficeStartHandler(deps: AppDeps): TransactionalHandler {
  return async (timer, trx: Transaction<any>) => {
    const db = trx as unknown as Kysely<Database>;
    const payload = timer.payload as Partial<OutOfOfficeTimerPayload>;
    const range = await db.selectFrom('out_of_office').selectAll().where('id', '=', timer.subjectId).executeTakeFirst();
    if (!range || range.starts_at.getTime() !== payload.starts_at) return;
    const now = deps.clock.now();
    if (range.ends_at.getTime() <= now) return;
    const person = await db.selectFrom('users').select(['id', 'name', 'active']).where('id', '=', range.user_id).executeTakeFirst();
    if (!person?.active) return;
    await rerouteUnattended(db, deps.registry, person, { actorId: null, at: now, cause: 'began', until: range.ends_at });
  };
}
