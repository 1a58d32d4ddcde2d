import type { Kysely } from 'kysely';
import { runStatements } from './statements.js';

/**
 * Availability and service credits: the packages an account holds over time (they raise a
 * component's monthly threshold, per the pack's `availability.packages`), the fee an account pays
 * per component and month (what a credit is a share of), and the credits customers requested.
 *
 * The accounts' `email_deliverability` flag becomes a package held from the day the account was
 * created; the flag stays, and setting the account's packages keeps it in step.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table account_packages (
       id uuid primary key default gen_random_uuid(),
       account_id uuid not null references accounts(id) on delete cascade,
       package_id text not null check (package_id ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$'),
       starts_on date not null,
       ends_on date,
       created_at timestamptz not null default now(),
       check (ends_on is null or ends_on >= starts_on)
     )`,
    `create index account_packages_account_idx on account_packages (account_id, starts_on)`,
    `insert into account_packages (account_id, package_id, starts_on)
       select id, 'email_deliverability', (created_at at time zone 'UTC')::date from accounts where email_deliverability`,
    `create table component_fees (
       account_id uuid not null references accounts(id) on delete cascade,
       component_id uuid not null references status_components(id) on delete cascade,
       month date not null check (extract(day from month) = 1),
       amount numeric(16, 2) not null check (amount >= 0),
       currency text not null check (currency ~ '^[A-Z]{3}$'),
       updated_at timestamptz not null default now(),
       primary key (account_id, component_id, month)
     )`,
    `create index component_fees_component_idx on component_fees (component_id, month)`,
    `create table credit_requests (
       id uuid primary key default gen_random_uuid(),
       ticket_id uuid references tickets(id) on delete set null,
       account_id uuid not null references accounts(id) on delete cascade,
       component_id uuid not null references status_components(id) on delete cascade,
       month date not null check (extract(day from month) = 1),
       availability numeric(9, 6) not null,
       threshold numeric(9, 6) not null,
       credit_percent numeric(9, 6) not null,
       fee numeric(16, 2),
       credit_amount numeric(16, 2),
       currency text,
       requested_by uuid references users(id) on delete set null,
       requested_at timestamptz not null,
       status text not null default 'requested' check (status in ('requested', 'credited', 'declined')),
       unique (account_id, component_id, month)
     )`,
    `create index credit_requests_ticket_idx on credit_requests (ticket_id)`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, ['drop table credit_requests', 'drop table component_fees', 'drop table account_packages']);
}
