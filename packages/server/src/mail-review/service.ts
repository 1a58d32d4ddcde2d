import type { Kysely, Selectable } from 'kysely';
import { simpleParser } from 'mailparser';
import { type Actor, STAFF_ROLES, requireRole } from '../auth/actor.js';
import type { Database, MailReviewTable, Role } from '../db/schema.js';
import { AppError, type LocalizedText, notFound, textIn } from '../errors.js';
import { DEFAULT_LOCALE } from '../i18n/index.js';
import type { AppDeps } from '../http/deps.js';
import { decodeInstantCursor, toPage } from '../http/pagination.js';
import { InboundRejection, interpretInbound } from '../notify/index.js';
import { alreadyApplied, applyInbound, senderActor } from '../mail-in/handle.js';
import type { ListSuspendedFilter, SuspendedMailDetail, SuspendedMailView } from './schemas.js';

type Row = Selectable<MailReviewTable>;
type Db = Kysely<Database>;

const LIST_COLUMNS = [
  'id', 'provider_id', 'message_id', 'from_address', 'from_name', 'subject', 'sender_id', 'sender_role', 'kind', 'reason', 'remote_address',
  'envelope_from', 'envelope_to', 'size', 'status', 'received_at', 'decided_at', 'decided_by', 'ticket_id', 'outcome',
] as const;
type ListRow = Pick<Row, (typeof LIST_COLUMNS)[number]>;

const MAX_TEXT = 20_000;

/**
 * Why mail from this role cannot be accepted, or null. Mail that failed authentication is never taken
 * as staff mail: anyone can put an agent's address in From, and accepting the forgery would publish it
 * to a customer in the agent's name. It can only be discarded; the agent writes in the console instead.
 */
export function acceptBlockedText(role: Role): LocalizedText | null {
  return role === 'customer' ? null : { id: 'error.mailReview.staffSender', values: { role } };
}

/** Why mail from this role cannot be accepted, in English (as the review list shows it), or null. */
export function acceptBlocked(role: Role): string | null {
  const text = acceptBlockedText(role);
  return text && textIn(text, DEFAULT_LOCALE);
}

function present(row: ListRow): SuspendedMailView {
  const blocked = acceptBlocked(row.sender_role);
  return {
    id: row.id,
    status: row.status,
    received_at: row.received_at.toISOString(),
    from: { address: row.from_address, name: row.from_name },
    subject: row.subject,
    kind: row.kind,
    sender_role: row.sender_role,
    reason: row.reason,
    remote_address: row.remote_address,
    envelope_from: row.envelope_from,
    size: row.size,
    can_accept: row.status === 'pending' && blocked === null,
    accept_blocked: blocked,
    decided_at: row.decided_at?.toISOString() ?? null,
    decided_by: row.decided_by,
    ticket_id: row.ticket_id,
    outcome: row.outcome,
  };
}

const requireStaff = (actor: Actor, action: string) => requireRole(actor, STAFF_ROLES, action);

/** The provider's suspended mail, newest first. */
export async function listSuspendedMail(db: Db, actor: Actor, filter: ListSuspendedFilter) {
  requireStaff(actor, 'review suspended mail');
  let query = db.selectFrom('mail_review').select(LIST_COLUMNS).where('provider_id', '=', actor.providerId);
  if (filter.status !== 'all') query = query.where('status', '=', filter.status);
  const cursor = decodeInstantCursor(filter.cursor);
  if (cursor?.key) {
    const { key, id } = cursor;
    query = query.where((eb) => eb.or([eb('received_at', '<', key), eb.and([eb('received_at', '=', key), eb('id', '<', id)])]));
  }
  const rows = await query.orderBy('received_at', 'desc').orderBy('id', 'desc').limit(filter.limit + 1).execute();
  return toPage(rows, filter.limit, (row) => ({ key: row.received_at.toISOString(), id: row.id }), present);
}

async function findRow(db: Db, actor: Actor, id: string, lock: boolean): Promise<Row> {
  let query = db.selectFrom('mail_review').selectAll().where('id', '=', id).where('provider_id', '=', actor.providerId);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw notFound('suspended mail');
  return row;
}

/** One suspended mail with its text and the names of its files, to decide on it. */
export async function getSuspendedMail(db: Db, actor: Actor, id: string): Promise<SuspendedMailDetail> {
  requireStaff(actor, 'review suspended mail');
  const row = await findRow(db, actor, id, false);
  const parsed = await simpleParser(Buffer.from(row.raw));
  const text = (parsed.text ?? '').trim();
  return {
    ...present(row),
    text: text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}\n(… cut off)` : text,
    attachments: parsed.attachments.map((a) => ({ filename: a.filename ?? 'attachment', content_type: a.contentType, size: a.size })),
  };
}

function stillPending(row: Row): void {
  if (row.status !== 'pending') {
    const decidedAt = row.decided_at?.toISOString();
    throw AppError.translated('conflict', { id: 'error.mailReview.alreadyDecided', values: { status: row.status, known: decidedAt ? 'yes' : 'no', decidedAt: decidedAt ?? '' } });
  }
}

/**
 * Applies a suspended mail as it would have been applied on arrival (a ticket opened or a reply added,
 * with its files), as its customer sender, and marks it accepted, all in one transaction: a second
 * accept finds it accepted and does nothing. Mail from a staff address is refused (see `acceptBlocked`).
 */
export async function acceptSuspendedMail(deps: AppDeps, actor: Actor, id: string): Promise<SuspendedMailView> {
  requireStaff(actor, 'accept suspended mail');
  return deps.db.transaction().execute(async (trx) => {
    const row = await findRow(trx, actor, id, true);
    stillPending(row);
    const blocked = acceptBlockedText(row.sender_role);
    if (blocked) throw AppError.translated('conflict', blocked);
    const parsed = await simpleParser(Buffer.from(row.raw));
    const meaning = interpretInbound(parsed, { supportAddress: row.envelope_to, envelopeTo: row.envelope_to });
    // The mail handling's own reason, as it answers a mail server, stays in its words.
    const cannot = (reason: string) => AppError.translated('conflict', { id: 'error.mailReview.cannotApply', values: { reason } });
    if (meaning.kind === 'rejected') throw cannot(meaning.message);
    const sender = await senderActor(trx, meaning.from.address).catch((error: unknown) => {
      throw error instanceof InboundRejection ? cannot(error.message) : error;
    });
    if (sender.providerId !== actor.providerId) throw AppError.translated('conflict', { id: 'error.mailReview.senderGone', values: { address: meaning.from.address } });
    const nowBlocked = acceptBlockedText(sender.role);
    if (nowBlocked) throw AppError.translated('conflict', nowBlocked);
    if (await alreadyApplied(trx, meaning.messageId)) throw AppError.translated('conflict', { id: 'error.mailReview.alreadyApplied' });
    const outcome = await applyInbound(deps, trx, sender, meaning).catch((error: unknown) => {
      throw error instanceof InboundRejection ? cannot(error.message) : error;
    });
    const updated = await trx
      .updateTable('mail_review')
      .set({ status: 'accepted', decided_at: new Date(deps.clock.now()), decided_by: actor.userId, ticket_id: outcome.ticketId, outcome: outcome.kind })
      .where('id', '=', row.id)
      .returning(LIST_COLUMNS)
      .executeTakeFirstOrThrow();
    return present(updated);
  });
}

/** Marks a suspended mail discarded; it is never applied. */
export async function discardSuspendedMail(deps: AppDeps, actor: Actor, id: string): Promise<SuspendedMailView> {
  requireStaff(actor, 'discard suspended mail');
  return deps.db.transaction().execute(async (trx) => {
    const row = await findRow(trx, actor, id, true);
    stillPending(row);
    const updated = await trx
      .updateTable('mail_review')
      .set({ status: 'discarded', decided_at: new Date(deps.clock.now()), decided_by: actor.userId, outcome: 'discarded' })
      .where('id', '=', row.id)
      .returning(LIST_COLUMNS)
      .executeTakeFirstOrThrow();
    return present(updated);
  });
}
