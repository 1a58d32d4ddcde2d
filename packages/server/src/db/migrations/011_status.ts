import type { Kysely } from 'kysely';
import { runStatements } from './statements.js';

/**
 * The status side of a provider: components (products and APIs, in groups), incidents and scheduled
 * maintenance with timed updates, which components each account uses, each affected component's status over time (spans, so availability
 * can be counted exactly), and the tickets linked to an incident.
 *
 * A component's status at an instant is the worst status of its spans open at that instant, or
 * operational when none is; two incidents on one component overlap without double counting.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table status_component_groups (
       id uuid primary key default gen_random_uuid(),
       provider_id uuid not null references providers(id) on delete cascade,
       name text not null,
       description text,
       position integer not null default 0,
       created_at timestamptz not null default now(),
       updated_at timestamptz not null default now()
     )`,
    `create index status_component_groups_provider_idx on status_component_groups (provider_id, position)`,
    `create table status_components (
       id uuid primary key default gen_random_uuid(),
       provider_id uuid not null references providers(id) on delete cascade,
       key text not null check (key ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
       name text not null,
       description text,
       group_id uuid references status_component_groups(id) on delete set null,
       position integer not null default 0,
       showcase boolean not null default true,
       only_show_if_degraded boolean not null default false,
       start_date date,
       products jsonb not null default '[]',
       created_at timestamptz not null default now(),
       updated_at timestamptz not null default now(),
       unique (provider_id, key)
     )`,
    `create table incidents (
       id uuid primary key default gen_random_uuid(),
       provider_id uuid not null references providers(id) on delete cascade,
       kind text not null check (kind in ('incident', 'maintenance')),
       name text not null,
       status text not null check (status in ('investigating', 'identified', 'monitoring', 'resolved', 'scheduled', 'in_progress', 'verifying', 'completed')),
       impact text not null default 'none' check (impact in ('none', 'minor', 'major', 'critical', 'maintenance')),
       draft boolean not null default false,
       source text not null default 'manual' check (source in ('manual', 'alertmanager')),
       alert_fingerprint text,
       scheduled_for timestamptz,
       scheduled_until timestamptz,
       started_at timestamptz not null,
       monitoring_at timestamptz,
       resolved_at timestamptz,
       rfo_markdown text,
       rfo_published_at timestamptz,
       created_by uuid references users(id) on delete set null,
       created_at timestamptz not null default now(),
       updated_at timestamptz not null default now(),
       check (kind = 'maintenance' or (scheduled_for is null and scheduled_until is null)),
       check (scheduled_until is null or scheduled_for is null or scheduled_until > scheduled_for)
     )`,
    `create index incidents_provider_idx on incidents (provider_id, started_at desc, id desc)`,
    `create index incidents_unresolved_idx on incidents (provider_id) where resolved_at is null`,
    `create unique index incidents_alert_once on incidents (provider_id, alert_fingerprint) where alert_fingerprint is not null and resolved_at is null`,
    `create table incident_updates (
       id uuid primary key default gen_random_uuid(),
       incident_id uuid not null references incidents(id) on delete cascade,
       status text not null,
       body text not null,
       affected_components jsonb not null default '[]',
       author_id uuid references users(id) on delete set null,
       display_at timestamptz not null,
       created_at timestamptz not null default now(),
       updated_at timestamptz not null default now()
     )`,
    `create index incident_updates_incident_idx on incident_updates (incident_id, display_at desc)`,
    `create table incident_components (
       incident_id uuid not null references incidents(id) on delete cascade,
       component_id uuid not null references status_components(id) on delete cascade,
       primary key (incident_id, component_id)
     )`,
    `create index incident_components_component_idx on incident_components (component_id)`,
    `create table status_component_spans (
       id bigserial primary key,
       component_id uuid not null references status_components(id) on delete cascade,
       incident_id uuid references incidents(id) on delete set null,
       status text not null check (status in ('degraded_performance', 'partial_outage', 'major_outage', 'under_maintenance')),
       started_at timestamptz not null,
       ended_at timestamptz,
       check (ended_at is null or ended_at >= started_at)
     )`,
    `create index status_component_spans_component_idx on status_component_spans (component_id, started_at)`,
    `create index status_component_spans_open_idx on status_component_spans (component_id) where ended_at is null`,
    `create table account_components (
       account_id uuid not null references accounts(id) on delete cascade,
       component_id uuid not null references status_components(id) on delete cascade,
       primary key (account_id, component_id)
     )`,
    `create index account_components_component_idx on account_components (component_id)`,
    `create table incident_tickets (
       incident_id uuid not null references incidents(id) on delete cascade,
       ticket_id uuid not null references tickets(id) on delete cascade,
       linked_by uuid references users(id) on delete set null,
       linked_at timestamptz not null default now(),
       primary key (incident_id, ticket_id)
     )`,
    `create index incident_tickets_ticket_idx on incident_tickets (ticket_id)`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    'drop table incident_tickets',
    'drop table account_components',
    'drop table status_component_spans',
    'drop table incident_components',
    'drop table incident_updates',
    'drop table incidents',
    'drop table status_components',
    'drop table status_component_groups',
  ]);
}
