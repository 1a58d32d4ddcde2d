/**
 * What availability reads from the database: components, their spans over a period, an account's
 * packages, fees and credit requests. Dates and decimals are selected as text, so both drivers
 * (PGlite and node-postgres) give the same exact values.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { TimedSpan } from '../incidents/status-timeline.js';
import type { ComponentRef, CreditRequestRef, Fee } from './attainment.js';
import { monthDate, type Month } from './month.js';
import type { HeldPackage } from './terms.js';
import { anyOf } from '../db/any-of.js';

type Db = Kysely<Database>;

export async function componentsOf(db: Db, providerId: string): Promise<ComponentRef[]> {
  return db
    .selectFrom('status_components as c')
    .leftJoin('status_component_groups as g', 'g.id', 'c.group_id')
    .select(['c.id', 'c.key', 'c.name'])
    .where('c.provider_id', '=', providerId)
    .orderBy(sql`coalesce(g.position, -1)`)
    .orderBy('c.position')
    .orderBy('c.name')
    .execute();
}

/** The components an account uses (account_components); all of the provider's when it lists none. */
export async function componentsOfAccount(db: Db, providerId: string, accountId: string): Promise<ComponentRef[]> {
  const all = await componentsOf(db, providerId);
  const used = await db.selectFrom('account_components').select('component_id').where('account_id', '=', accountId).execute();
  if (used.length === 0) return all;
  const ids = new Set(used.map((u) => u.component_id));
  const withFees = await db.selectFrom('component_fees').select('component_id').distinct().where('account_id', '=', accountId).execute();
  for (const f of withFees) ids.add(f.component_id);
  return all.filter((c) => ids.has(c.id));
}

/** Each component's spans that overlap [from, to). */
export async function spansOf(db: Db, componentIds: readonly string[], from: number, to: number): Promise<Map<string, TimedSpan[]>> {
  const out = new Map<string, TimedSpan[]>(componentIds.map((id) => [id, []]));
  if (componentIds.length === 0) return out;
  const rows = await db
    .selectFrom('status_component_spans')
    .select(['component_id', 'status', 'started_at', 'ended_at'])
    .where('component_id', '=', anyOf(componentIds, 'uuid'))
    .where('started_at', '<', new Date(to))
    .where((eb) => eb.or([eb('ended_at', 'is', null), eb('ended_at', '>', new Date(from))]))
    .execute();
  for (const row of rows) {
    out.get(row.component_id)!.push({ status: row.status, start: new Date(row.started_at).getTime(), end: row.ended_at === null ? null : new Date(row.ended_at).getTime() });
  }
  return out;
}

export async function packagesHeld(db: Db, accountId: string): Promise<(HeldPackage & { id: string })[]> {
  return db
    .selectFrom('account_packages')
    .select(['id', 'package_id', sql<string>`starts_on::text`.as('starts_on'), sql<string | null>`ends_on::text`.as('ends_on')])
    .where('account_id', '=', accountId)
    .orderBy('starts_on')
    .orderBy('package_id')
    .execute();
}

export async function feesOf(db: Db, accountId: string, from: Month, to: Month): Promise<Fee[]> {
  return db
    .selectFrom('component_fees')
    .select(['component_id', sql<string>`to_char(month, 'YYYY-MM')`.as('month'), sql<string>`amount::text`.as('amount'), 'currency'])
    .where('account_id', '=', accountId)
    .where('month', '>=', monthDate(from))
    .where('month', '<=', monthDate(to))
    .orderBy('month')
    .execute();
}

export async function creditRequestsOf(db: Db, accountId: string, from: Month, to: Month): Promise<CreditRequestRef[]> {
  const rows = await db
    .selectFrom('credit_requests as r')
    .leftJoin('tickets as t', 't.id', 'r.ticket_id')
    .select([
      'r.id',
      'r.component_id',
      sql<string>`to_char(r.month, 'YYYY-MM')`.as('month'),
      'r.ticket_id',
      't.number as ticket_number',
      'r.status',
      'r.requested_at',
      sql<string | null>`r.credit_amount::text`.as('credit_amount'),
      'r.currency',
    ])
    .where('r.account_id', '=', accountId)
    .where('r.month', '>=', monthDate(from))
    .where('r.month', '<=', monthDate(to))
    .execute();
  return rows.map((r) => ({ ...r, ticket_number: r.ticket_number === null ? null : Number(r.ticket_number), requested_at: new Date(r.requested_at).toISOString() }));
}
