/**
 * The tables of availability and service credits (migration 012), beside the desk's other tables so
 * that db/ depends on no feature; availability/tables.ts re-exports them.
 */
import type { ColumnType, Generated, Selectable } from 'kysely';
import type { Timestamp } from './schema.js';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** A calendar date (`date`), written as `YYYY-MM-DD`; the drivers read it differently, so queries select it as text (`::text`). */
export type DateColumn = ColumnType<string, string, string>;
/** A `numeric`, selected as its exact decimal text (`::text`, e.g. `120.50`), written as text or a number. */
export type Decimal = ColumnType<string, string | number, string | number>;

export const CREDIT_STATUSES = ['requested', 'credited', 'declined'] as const;
export type CreditStatus = (typeof CREDIT_STATUSES)[number];

export interface AccountPackagesTable {
  id: Generated<string>;
  account_id: string;
  /** An `availability.packages` id of the account's pack, e.g. `email_deliverability`. */
  package_id: string;
  starts_on: DateColumn;
  /** The last day held; null: still held. */
  ends_on: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: CreatedAt;
}

export interface ComponentFeesTable {
  account_id: string;
  component_id: string;
  /** The first day of the month (UTC). */
  month: DateColumn;
  amount: Decimal;
  /** ISO 4217, e.g. USD. */
  currency: string;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface CreditRequestsTable {
  id: Generated<string>;
  ticket_id: string | null;
  account_id: string;
  component_id: string;
  month: DateColumn;
  /** Percent, e.g. 99.912345. */
  availability: Decimal;
  threshold: Decimal;
  credit_percent: Decimal;
  fee: ColumnType<string | null, string | number | null, string | number | null>;
  credit_amount: ColumnType<string | null, string | number | null, string | number | null>;
  currency: string | null;
  requested_by: string | null;
  requested_at: Timestamp;
  status: ColumnType<CreditStatus, CreditStatus | undefined, CreditStatus>;
}

export interface AvailabilityTables {
  account_packages: AccountPackagesTable;
  component_fees: ComponentFeesTable;
  credit_requests: CreditRequestsTable;
}

export type AccountPackage = Selectable<AccountPackagesTable>;
export type ComponentFee = Selectable<ComponentFeesTable>;
export type CreditRequest = Selectable<CreditRequestsTable>;
