import type { Account, Project } from '../db/schema.js';
import { iso } from '../http/common-schemas.js';
import type { AccountView, ProjectView } from './schemas.js';

export function presentProject(project: Project): ProjectView {
  return {
    id: project.id,
    account_id: project.account_id,
    name: project.name,
    production: project.production,
    created_at: iso(project.created_at),
  };
}

export function presentAccount(account: Account, projects: Project[]): AccountView {
  return {
    id: account.id,
    name: account.name,
    pack_id: account.pack_id,
    plan: account.plan,
    pack_version: account.pack_version,
    partner_tier: account.partner_tier,
    languages: account.languages,
    phone_pin: account.phone_pin,
    primary_manager_id: account.primary_manager_id,
    secondary_manager_id: account.secondary_manager_id,
    growth_manager_id: account.growth_manager_id,
    team_id: account.team_id,
    email_deliverability: account.email_deliverability,
    projects: projects.filter((p) => p.account_id === account.id).map(presentProject),
    created_at: iso(account.created_at),
    updated_at: iso(account.updated_at),
  };
}
