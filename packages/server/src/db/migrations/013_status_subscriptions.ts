import type { Kysely } from 'kysely';
import { runStatements } from './statements.js';

/**
 * Subscriptions to the status page: people (email, double opt-in, or from the portal with their
 * account's address) and machines (webhooks) who hear of incidents and maintenance on all components
 * or on the ones they chose; the notices owed to them (one per subscriber and update, delivered by the
 * timer worker); the hashes of the links they were sent (confirm, unsubscribe); and a bound on how
 * often one client may ask to subscribe.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create table status_subscribers (
       id uuid primary key default gen_random_uuid(),
       provider_id uuid not null references providers(id) on delete cascade,
       kind text not null check (kind in ('email', 'webhook')),
       email text check (email is null or length(email) <= 254),
       url text check (url is null or length(url) <= 2000),
       secret text,
       component_ids jsonb,
       locale text not null default 'en' check (locale in ('en', 'pt-BR', 'de', 'es', 'ru')),
       user_id uuid references users(id) on delete cascade,
       confirmed_at timestamptz,
       confirm_by timestamptz,
       created_at timestamptz not null default now(),
       updated_at timestamptz not null default now(),
       unsubscribed_at timestamptz,
       check ((kind = 'email') = (email is not null)),
       check ((kind = 'webhook') = (url is not null and secret is not null)),
       check (component_ids is null or jsonb_typeof(component_ids) = 'array')
     )`,
    // One active and one waiting subscription per address: subscribing again replaces the waiting one, confirming replaces the active one.
    `create unique index status_subscribers_active_email on status_subscribers (provider_id, lower(email))
       where kind = 'email' and confirmed_at is not null and unsubscribed_at is null`,
    `create unique index status_subscribers_pending_email on status_subscribers (provider_id, lower(email))
       where kind = 'email' and confirmed_at is null and unsubscribed_at is null`,
    `create index status_subscribers_fan_out on status_subscribers (provider_id) where confirmed_at is not null and unsubscribed_at is null`,
    `create index status_subscribers_user on status_subscribers (user_id) where user_id is not null`,
    `create table status_subscription_tokens (
       token_hash text primary key,
       subscriber_id uuid not null references status_subscribers(id) on delete cascade,
       purpose text not null check (purpose in ('confirm', 'unsubscribe')),
       created_at timestamptz not null,
       expires_at timestamptz
     )`,
    `create index status_subscription_tokens_subscriber on status_subscription_tokens (subscriber_id)`,
    `create table status_notices (
       id uuid primary key default gen_random_uuid(),
       subscriber_id uuid not null references status_subscribers(id) on delete cascade,
       incident_id uuid not null references incidents(id) on delete cascade,
       update_id uuid not null references incident_updates(id) on delete cascade,
       created_at timestamptz not null,
       attempts integer not null default 0,
       delivered_at timestamptz,
       dead_at timestamptz,
       last_status_code integer,
       last_error text,
       webhook_body text,
       unique (subscriber_id, update_id)
     )`,
    `create index status_notices_update on status_notices (update_id)`,
    `create table status_subscription_limits (
       key_hash text not null,
       window_start timestamptz not null,
       count integer not null,
       primary key (key_hash, window_start)
     )`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, ['drop table status_subscription_limits', 'drop table status_notices', 'drop table status_subscription_tokens', 'drop table status_subscribers']);
}
