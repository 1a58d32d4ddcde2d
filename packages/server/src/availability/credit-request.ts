/**
 * A customer (or staff for them) requests the service credit of a month: refused with the reason when
 * the month has not ended, the claim window has closed, there was no shortfall, the pack promises no
 * credit, or it was already requested; otherwise a ticket is opened for the account through the usual
 * ticket creation, carrying the computed availability, threshold and credit, with a credit_requests
 * row, both in one transaction.
 */
import type { Kysely } from 'kysely';
import { type Actor, isStaff, requireRole } from '../auth/actor.js';
import { isUniqueViolation } from '../db/errors.js';
import type { Account, Database } from '../db/schema.js';
import { AppError, notFound } from '../errors.js';
import type { AppDeps } from '../http/deps.js';
import { invalid } from '../http/invalid.js';
import { type Locale, negotiateLocale, translator } from '../i18n/index.js';
import { createTicket } from '../tickets/create.js';
import { attainmentCell, type AttainmentCell } from './attainment.js';
import { monthBounds, monthDate, monthKey, parseMonth, type Month } from './month.js';
import { componentsOf, creditRequestsOf, feesOf, packagesHeld, spansOf } from './read.js';
import { termsForAccount } from './service.js';

type Db = Kysely<Database>;

export interface CreditRequestInput {
  account_id?: string | undefined;
  component: string;
  month: string;
  requester_id?: string | undefined;
}

export interface CreditRequestJson {
  id: string;
  account_id: string;
  component: { id: string; key: string; name: string };
  month: string;
  availability: number;
  threshold: number;
  credit_percent: number;
  fee: { amount: string; currency: string } | null;
  credit: { amount: string; currency: string } | null;
  status: 'requested';
  requested_at: string;
  ticket: { id: string; number: number };
}

/** A month's middle, so a month name formats right in any server zone. */
const monthValue = (m: Month): Date => new Date(monthBounds(m).start + 14 * 86_400_000 + 12 * 3_600_000);

const refuse = (id: Parameters<typeof AppError.translated>[1]['id'], values: Parameters<typeof AppError.translated>[1]['values']) =>
  AppError.translated('credit_not_claimable', { id, values });

export async function requestCredit(deps: AppDeps, trx: Db, actor: Actor, input: CreditRequestInput, requestLocale: Locale): Promise<CreditRequestJson> {
  const account = await accountFor(trx, actor, input.account_id);
  const month = parseMonth(input.month);
  if (!month) throw invalid('body.month', 'Must be a month written as YYYY-MM.');
  const component = (await componentsOf(trx, actor.providerId)).find((c) => c.key === input.component);
  if (!component) throw AppError.translated('validation_failed', { id: 'availability.component.unknown', values: { key: input.component } }, [
      { path: 'body.component', message: `No status component has the key "${input.component}".`, text: { id: 'availability.component.unknown', values: { key: input.component } } },
    ]);
  const now = deps.clock.now();
  const termsFor = termsForAccount(deps, account);
  const terms = termsFor(month);
  const when = monthValue(month);
  if (!terms) throw refuse('availability.claim.noTerms', { month: when });
  const previous = await creditRequestsOf(trx, account.id, month, month);
  if (previous.some((r) => r.component_id === component.id)) throw refuse('availability.claim.alreadyRequested', { component: component.name, month: when });
  const { start, end } = monthBounds(month);
  const cell = attainmentCell(
    {
      months: [month],
      components: [component],
      spans: await spansOf(trx, [component.id], start, end),
      termsFor,
      held: await packagesHeld(trx, account.id),
      fees: await feesOf(trx, account.id, month, month),
      requests: [],
      now,
    },
    component,
    month,
  );
  if (!cell || cell.in_progress) throw refuse('availability.claim.notEnded', { month: when });
  if (!cell.shortfall) throw refuse('availability.claim.noShortfall', { component: component.name, month: when, threshold: cell.threshold! / 100, availability: cell.availability / 100 });
  if (cell.credit === null || terms.creditPercent === null) throw refuse('availability.claim.noCredit', {});
  if (cell.claim.state === 'closed') throw refuse('availability.claim.windowClosed', { month: when, days: terms.claimWindowDays });

  const locale = negotiateLocale(account.languages[0]) ?? requestLocale;
  const requesterId = isStaff(actor) ? await requesterFor(trx, account, input.requester_id) : actor.userId;
  const ticket = await createTicket(
    deps,
    trx,
    actor,
    { subject: translator(locale).t('availability.ticket.subject', { component: component.name, month: when }), description: describe(cell, month, locale, terms.partialShare), account_id: account.id, ...(isStaff(actor) && { requester_id: requesterId }) },
    undefined,
    requestLocale,
  );
  const requestedAt = new Date(now);
  try {
    const row = await trx
      .insertInto('credit_requests')
      .values({
        ticket_id: ticket.id,
        account_id: account.id,
        component_id: component.id,
        month: monthDate(month),
        availability: cell.availability.toFixed(6),
        threshold: cell.threshold!.toFixed(6),
        credit_percent: cell.credit.percent.toFixed(6),
        fee: cell.fee?.amount ?? null,
        credit_amount: cell.credit.amount,
        currency: cell.credit.currency,
        requested_by: actor.userId,
        requested_at: requestedAt,
      })
      .returning(['id'])
      .executeTakeFirstOrThrow();
    return {
      id: row.id,
      account_id: account.id,
      component,
      month: monthKey(month),
      availability: cell.availability,
      threshold: cell.threshold!,
      credit_percent: cell.credit.percent,
      fee: cell.fee,
      credit: cell.credit.amount === null ? null : { amount: cell.credit.amount, currency: cell.credit.currency! },
      status: 'requested',
      requested_at: requestedAt.toISOString(),
      ticket: { id: ticket.id, number: ticket.number },
    };
  } catch (error) {
    // Two requests at once: the second finds the first's row and opens no ticket (its transaction rolls back).
    if (isUniqueViolation(error)) throw refuse('availability.claim.alreadyRequested', { component: component.name, month: when });
    throw error;
  }
}

/** The ticket's description: what was measured, the threshold, and the credit, in the ticket's language. */
function describe(cell: AttainmentCell, month: Month, locale: Locale, share: number): string {
  const { t } = translator(locale);
  const money = (amount: string, currency: string) => new Intl.NumberFormat(locale, { style: 'currency', currency }).format(Number(amount));
  const credit = cell.credit!;
  return [
    t('availability.ticket.intro', { component: cell.component.name, month: monthValue(month) }),
    t('availability.ticket.measured', { availability: cell.availability / 100, down: cell.down_minutes, minutes: cell.minutes, share }),
    t('availability.ticket.threshold', { threshold: cell.threshold! / 100, package: cell.package?.name ?? 'none' }),
    cell.fee && credit.amount !== null
      ? t('availability.ticket.credit', { percent: credit.percent / 100, fee: money(cell.fee.amount, cell.fee.currency), credit: money(credit.amount, cell.fee.currency) })
      : t('availability.ticket.creditNoFee', { percent: credit.percent / 100 }),
  ].join('\n\n');
}

async function accountFor(db: Db, actor: Actor, accountId: string | undefined): Promise<Account> {
  const id = isStaff(actor) ? accountId : (accountId ?? actor.accountId ?? undefined);
  if (id === undefined) throw invalid('body.account_id', 'Staff must name the customer account the credit is for.');
  if (!isStaff(actor) && id !== actor.accountId) throw notFound('account');
  const account = await db.selectFrom('accounts').selectAll().where('id', '=', id).where('provider_id', '=', actor.providerId).executeTakeFirst();
  if (!account) throw isStaff(actor) ? invalid('body.account_id', 'No account has this id.') : notFound('account');
  return account;
}

/** The customer the ticket is filed for when staff request: the one named, else the account's first customer. */
async function requesterFor(db: Db, account: Account, requesterId: string | undefined): Promise<string> {
  let query = db.selectFrom('users').select('id').where('account_id', '=', account.id).where('role', '=', 'customer');
  if (requesterId !== undefined) query = query.where('id', '=', requesterId);
  const user = await query.orderBy('created_at').orderBy('id').executeTakeFirst();
  if (user) return user.id;
  if (requesterId !== undefined) throw invalid('body.requester_id', 'No customer of this account has this id.');
  throw AppError.translated('validation_failed', { id: 'availability.requester.none' }, [
    { path: 'body.requester_id', message: 'This account has no customer user to file the request for; name one in requester_id.', text: { id: 'availability.requester.none' } },
  ]);
}

/** Staff (managers and admins) record the outcome of a credit request: credited or declined. */
export async function setCreditStatus(deps: AppDeps, actor: Actor, id: string, status: 'requested' | 'credited' | 'declined'): Promise<{ id: string; status: 'requested' | 'credited' | 'declined' }> {
  requireRole(actor, ['manager', 'admin'], 'decide credit requests');
  const row = await deps.db
    .updateTable('credit_requests')
    .set({ status })
    .where('id', '=', id)
    .where('account_id', 'in', (eb) => eb.selectFrom('accounts').select('id').where('provider_id', '=', actor.providerId))
    .returning(['id', 'status'])
    .executeTakeFirst();
  if (!row) throw AppError.translated('not_found', { id: 'availability.creditRequest.notFound' });
  return row;
}
