import type { Kysely } from 'kysely';
import { PARTNER_TIERS, PRESENCES, ROLES } from '../schema.js';
import { quoteList, runStatements } from './statements.js';

/** Provider, customer accounts and their projects, people, teams. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table providers (
       id uuid primary key default gen_random_uuid(),
       name text not null,
       slug text not null unique,
       created_at timestamptz not null default now()
     )`,
    `create table accounts (
       id uuid primary key default gen_random_uuid(),
       provider_id uuid not null references providers(id),
       name text not null,
       pack_id text not null,
       plan text not null,
       pack_version text not null,
       partner_tier text check (partner_tier in (${quoteList(PARTNER_TIERS)})),
       languages jsonb not null default '[]',
       phone_pin text,
       primary_manager_id uuid,
       secondary_manager_id uuid,
       growth_manager_id uuid,
       email_deliverability boolean not null default false,
       created_at timestamptz not null default now(),
       updated_at timestamptz not null default now(),
       unique (provider_id, name)
     )`,
    `create index accounts_pack_plan_idx on accounts (pack_id, plan)`,
    `create table projects (
       id uuid primary key default gen_random_uuid(),
       account_id uuid not null references accounts(id) on delete cascade,
       name text not null,
       production boolean not null,
       created_at timestamptz not null default now(),
       unique (account_id, name)
     )`,
    `create table users (
       id uuid primary key default gen_random_uuid(),
       provider_id uuid not null references providers(id),
       email text not null unique check (email = lower(email)),
       name text not null,
       role text not null check (role in (${quoteList(ROLES)})),
       account_id uuid references accounts(id),
       password_hash text,
       zone text not null default 'UTC',
       languages jsonb not null default '["en"]',
       working_hours jsonb,
       manager_id uuid references users(id),
       presence text not null default 'offline' check (presence in (${quoteList(PRESENCES)})),
       out_of_office_until timestamptz,
       active boolean not null default true,
       created_at timestamptz not null default now(),
       updated_at timestamptz not null default now(),
       constraint users_customer_has_account check ((role = 'customer') = (account_id is not null))
     )`,
    `create index users_account_idx on users (account_id)`,
    `alter table accounts add constraint accounts_primary_manager_fk foreign key (primary_manager_id) references users(id)`,
    `alter table accounts add constraint accounts_secondary_manager_fk foreign key (secondary_manager_id) references users(id)`,
    `alter table accounts add constraint accounts_growth_manager_fk foreign key (growth_manager_id) references users(id)`,
    `create table teams (
       id uuid primary key default gen_random_uuid(),
       provider_id uuid not null references providers(id),
       name text not null,
       description text,
       follow_the_sun boolean not null default false,
       created_at timestamptz not null default now(),
       updated_at timestamptz not null default now(),
       unique (provider_id, name)
     )`,
    `create table team_memberships (
       team_id uuid not null references teams(id) on delete cascade,
       user_id uuid not null references users(id) on delete cascade,
       created_at timestamptz not null default now(),
       primary key (team_id, user_id)
     )`,
    `create index team_memberships_user_idx on team_memberships (user_id)`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    'drop table team_memberships',
    'drop table teams',
    'alter table accounts drop constraint accounts_primary_manager_fk',
    'alter table accounts drop constraint accounts_secondary_manager_fk',
    'alter table accounts drop constraint accounts_growth_manager_fk',
    'drop table users',
    'drop table projects',
    'drop table accounts',
    'drop table providers',
  ]);
}
