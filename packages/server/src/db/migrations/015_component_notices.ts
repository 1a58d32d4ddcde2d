import type { Kysely } from 'kysely';
import { runStatements } from './statements.js';

/**
 * Notices of a component's status set by hand (Statuspage's component_update): a status notice is
 * either about an incident's update (incident_id, update_id) or about one change of one component
 * (component_id, the change's id shared by every subscriber's notice, old and new status), never both;
 * one notice per subscriber and change.
 */
const STATUSES = `('operational', 'degraded_performance', 'partial_outage', 'major_outage', 'under_maintenance')`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `alter table status_notices alter column incident_id drop not null`,
    `alter table status_notices alter column update_id drop not null`,
    `alter table status_notices add column component_id uuid references status_components(id) on delete cascade`,
    `alter table status_notices add column component_update_id uuid`,
    `alter table status_notices add column old_status text check (old_status is null or old_status in ${STATUSES})`,
    `alter table status_notices add column new_status text check (new_status is null or new_status in ${STATUSES})`,
    `alter table status_notices add constraint status_notices_one_kind check (
       (incident_id is not null and update_id is not null and component_id is null and component_update_id is null and old_status is null and new_status is null)
       or (incident_id is null and update_id is null and component_id is not null and component_update_id is not null and old_status is not null and new_status is not null and old_status <> new_status)
     )`,
    `alter table status_notices add constraint status_notices_component_change unique (subscriber_id, component_update_id)`,
    `create index status_notices_component on status_notices (component_id) where component_id is not null`,
  ]);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `delete from status_notices where component_id is not null`,
    `drop index status_notices_component`,
    `alter table status_notices drop constraint status_notices_component_change`,
    `alter table status_notices drop constraint status_notices_one_kind`,
    `alter table status_notices drop column new_status`,
    `alter table status_notices drop column old_status`,
    `alter table status_notices drop column component_update_id`,
    `alter table status_notices drop column component_id`,
    `alter table status_notices alter column update_id set not null`,
    `alter table status_notices alter column incident_id set not null`,
  ]);
}
