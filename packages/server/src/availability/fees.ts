/**
 * What an account pays per component and month (a credit is a share of it): read by staff, set by
 * admins one by one or imported from CSV (all or nothing; problems with their line and column).
 */
import { sql, type Kysely } from 'kysely';
import { type Actor, requireRole } from '../auth/actor.js';
import type { Database } from '../db/schema.js';
import { getVisibleAccount } from '../accounts/service.js';
import { AppError, type ErrorIssue, textIn } from '../errors.js';
import type { AppDeps } from '../http/deps.js';
import { DEFAULT_LOCALE } from '../i18n/index.js';
import { type CsvProblem, csvProblem, MAX_PROBLEMS, parseFeesCsv } from './fees-csv.js';
import { type Month, monthDate, parseMonth } from './month.js';
import { componentsOf, feesOf } from './read.js';

type Db = Kysely<Database>;

export interface FeeJson {
  component: { id: string; key: string; name: string };
  month: string;
  amount: string;
  currency: string;
}

export interface FeeInput {
  component: string;
  month: string;
  amount: string;
  currency: string;
}

export async function listFees(deps: AppDeps, actor: Actor, accountId: string, period: { from: Month; to: Month }): Promise<{ items: FeeJson[] }> {
  requireRole(actor, ['agent', 'manager', 'admin'], "see an account's fees");
  const account = await getVisibleAccount(deps.db, actor, accountId);
  const components = await componentsOf(deps.db, actor.providerId);
  const fees = await feesOf(deps.db, account.id, period.from, period.to);
  return {
    items: fees.flatMap((f) => {
      const component = components.find((c) => c.id === f.component_id);
      return component ? [{ component, month: f.month, amount: f.amount, currency: f.currency }] : [];
    }),
  };
}

/** Sets (adds or replaces) an account's fees for the components and months given. */
export async function putFees(deps: AppDeps, actor: Actor, accountId: string, items: readonly FeeInput[]): Promise<{ items: FeeJson[] }> {
  requireRole(actor, ['admin'], "set an account's fees");
  const account = await getVisibleAccount(deps.db, actor, accountId);
  const components = await componentsOf(deps.db, actor.providerId);
  const rows = items.map((item, i) => {
    const component = components.find((c) => c.key === item.component);
    if (!component) {
      throw new AppError('validation_failed', undefined, [
        { path: `body.items.${i}.component`, message: `No status component has the key "${item.component}".`, text: { id: 'availability.component.unknown', values: { key: item.component } } },
      ]);
    }
    return { account_id: account.id, component_id: component.id, month: monthDate(parseMonth(item.month)!), amount: item.amount, currency: item.currency };
  });
  await upsertFees(deps.db, rows, deps.clock.now());
  const months = items.map((i) => parseMonth(i.month)!).sort((a, b) => a.year * 12 + a.month - (b.year * 12 + b.month));
  if (months.length === 0) return { items: [] };
  const all = await listFees(deps, actor, account.id, { from: months[0]!, to: months[months.length - 1]! });
  return { items: all.items.filter((f) => items.some((i) => i.component === f.component.key && i.month === f.month)) };
}

type FeeRow = { account_id: string; component_id: string; month: string; amount: string; currency: string };

async function upsertFees(db: Db, rows: readonly FeeRow[], now: number): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000).map((r) => ({ ...r, updated_at: new Date(now) }));
    await db
      .insertInto('component_fees')
      .values(chunk)
      .onConflict((oc) =>
        oc.columns(['account_id', 'component_id', 'month']).doUpdateSet({ amount: sql`excluded.amount`, currency: sql`excluded.currency`, updated_at: sql`excluded.updated_at` }),
      )
      .execute();
  }
}

const issueOf = (p: CsvProblem): ErrorIssue => ({ path: `body:${p.line}:${p.column}`, message: textIn(p.text, DEFAULT_LOCALE), text: p.text });

/** Imports fees from CSV for the provider's accounts: every line is checked before any is written. */
export async function importFees(deps: AppDeps, actor: Actor, text: string): Promise<{ imported: number }> {
  requireRole(actor, ['admin'], 'import fees');
  const parsed = parseFeesCsv(text);
  if (!parsed.ok) throw new AppError('validation_failed', undefined, parsed.problems.map(issueOf));
  const accounts = await deps.db.selectFrom('accounts').select(['id', 'name']).where('provider_id', '=', actor.providerId).execute();
  const components = await componentsOf(deps.db, actor.providerId);
  const problems: CsvProblem[] = [];
  const seen = new Map<string, number>();
  const rows: FeeRow[] = [];
  for (const { line, values, columns } of parsed.lines) {
    const account = accounts.find((a) => a.id === values.account) ?? accounts.find((a) => a.name === values.account);
    const component = components.find((c) => c.key === values.component);
    if (!account) problems.push(csvProblem(line, columns.account, 'availability.csv.account', { value: values.account }));
    if (!component) problems.push(csvProblem(line, columns.component, 'availability.csv.component', { value: values.component }));
    if (!account || !component) continue;
    const key = `${account.id} ${component.id} ${values.month}`;
    const first = seen.get(key);
    if (first !== undefined) problems.push(csvProblem(line, columns.month, 'availability.csv.duplicate', { first }));
    seen.set(key, first ?? line);
    rows.push({ account_id: account.id, component_id: component.id, month: monthDate(parseMonth(values.month)!), amount: values.amount, currency: values.currency });
  }
  if (problems.length > 0) throw new AppError('validation_failed', undefined, problems.slice(0, MAX_PROBLEMS).map(issueOf));
  await deps.db.transaction().execute((trx) => upsertFees(trx, rows, deps.clock.now()));
  return { imported: rows.length };
}
