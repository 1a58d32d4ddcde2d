import type { Kysely } from 'kysely';
import { type Actor, isStaff, requireRole } from '../auth/actor.js';
import type { Clock } from '../clock.js';
import { isUniqueViolation } from '../db/errors.js';
import type { Account, Database } from '../db/schema.js';
import { AppError, notFound } from '../errors.js';
import type { AppDeps } from '../http/deps.js';
import { decodeCursor, toPage } from '../http/pagination.js';
import { type PlanChoice, lookUpPlan } from '../policy/catalog.js';
import { invalid } from '../http/invalid.js';
import { checkStaffUser } from '../users/service.js';
import { followDeliverabilityFlag } from './deliverability-package.js';
import { presentAccount, presentProject } from './present.js';
import type { AccountView, CreateAccountInput, ListAccountsFilter, NewProjectInput, ProjectView, UpdateAccountInput } from './schemas.js';

type Db = Kysely<Database>;
const MANAGER_FIELDS = ['primary_manager_id', 'secondary_manager_id', 'growth_manager_id'] as const;

export async function listAccounts(db: Db, actor: Actor, filter: ListAccountsFilter) {
  let query = db.selectFrom('accounts').selectAll().where('provider_id', '=', actor.providerId);
  if (!isStaff(actor)) query = query.where('id', '=', actor.accountId ?? '00000000-0000-0000-0000-000000000000');
  if (filter.pack_id) query = query.where('pack_id', '=', filter.pack_id);
  if (filter.plan) query = query.where('plan', '=', filter.plan);
  if (filter.q) query = query.where('name', 'ilike', `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const cursor = decodeCursor(filter.cursor);
  if (cursor) {
    query = query.where((eb) => eb.or([eb('name', '>', cursor.key), eb.and([eb('name', '=', cursor.key), eb('id', '>', cursor.id)])]));
  }
  const rows = await query.orderBy('name').orderBy('id').limit(filter.limit + 1).execute();
  const projects = rows.length === 0 ? [] : await db.selectFrom('projects').selectAll().where('account_id', 'in', rows.map((r) => r.id)).orderBy('name').execute();
  return toPage(rows, filter.limit, (a) => ({ key: a.name, id: a.id }), (a) => presentAccount(a, projects));
}

/** An account the actor may see; a customer sees only their own, and any other id is not found. */
export async function getVisibleAccount(db: Db, actor: Actor, id: string): Promise<Account> {
  const account = await db.selectFrom('accounts').selectAll().where('id', '=', id).where('provider_id', '=', actor.providerId).executeTakeFirst();
  if (!account || (!isStaff(actor) && account.id !== actor.accountId)) throw notFound('account');
  return account;
}

export async function viewAccount(db: Db, account: Account): Promise<AccountView> {
  const projects = await db.selectFrom('projects').selectAll().where('account_id', '=', account.id).orderBy('name').execute();
  return presentAccount(account, projects);
}

export async function createAccount(deps: AppDeps, db: Db, actor: Actor, input: CreateAccountInput): Promise<AccountView> {
  requireRole(actor, ['admin', 'manager'], 'create customer accounts');
  const plan = choosePlan(deps, input.pack_id, input.plan);
  await checkManagers(db, actor, input);
  if (input.team_id) await checkTeam(db, actor, input.team_id, 'body.team_id');
  const now = new Date(deps.clock.now());
  let account: Account;
  try {
    account = await db
      .insertInto('accounts')
      .values({
        provider_id: actor.providerId,
        name: input.name,
        pack_id: plan.packId,
        plan: plan.plan,
        pack_version: plan.packVersion,
        partner_tier: input.partner_tier ?? null,
        languages: JSON.stringify(input.languages),
        phone_pin: input.phone_pin ?? null,
        primary_manager_id: input.primary_manager_id ?? null,
        secondary_manager_id: input.secondary_manager_id ?? null,
        growth_manager_id: input.growth_manager_id ?? null,
        team_id: input.team_id ?? null,
        email_deliverability: input.email_deliverability,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  } catch (error) {
    if (isUniqueViolation(error)) throw AppError.translated('conflict', { id: 'error.account.nameTaken', values: { name: input.name } });
    throw error;
  }
  if (account.email_deliverability) await followDeliverabilityFlag(db, account.id, true, deps.clock.now());
  const names = new Set<string>();
  input.projects.forEach((p, i) => {
    if (names.has(p.name)) throw invalid(`body.projects.${i}.name`, `Project "${p.name}" is listed twice.`);
    names.add(p.name);
  });
  if (input.projects.length > 0) {
    await db
      .insertInto('projects')
      .values(input.projects.map((p) => ({ account_id: account.id, name: p.name, production: p.production, created_at: now })))
      .execute();
  }
  return viewAccount(db, account);
}

export async function updateAccount(deps: AppDeps, actor: Actor, id: string, input: UpdateAccountInput): Promise<AccountView> {
  const { db, clock } = deps;
  const account = await getVisibleAccount(db, actor, id);
  requireRole(actor, ['admin', 'manager'], 'change customer accounts');
  let plan: PlanChoice | undefined;
  if (input.pack_id !== undefined || input.plan !== undefined) {
    plan = choosePlan(deps, input.pack_id ?? account.pack_id, input.plan ?? account.plan);
  }
  await checkManagers(db, actor, input);
  if (input.team_id) await checkTeam(db, actor, input.team_id, 'body.team_id');
  const changes = {
    ...(input.name !== undefined && { name: input.name }),
    ...(plan && { pack_id: plan.packId, plan: plan.plan, pack_version: plan.packVersion }),
    ...(input.partner_tier !== undefined && { partner_tier: input.partner_tier }),
    ...(input.languages !== undefined && { languages: JSON.stringify(input.languages) }),
    ...(input.phone_pin !== undefined && { phone_pin: input.phone_pin }),
    ...(input.primary_manager_id !== undefined && { primary_manager_id: input.primary_manager_id }),
    ...(input.secondary_manager_id !== undefined && { secondary_manager_id: input.secondary_manager_id }),
    ...(input.growth_manager_id !== undefined && { growth_manager_id: input.growth_manager_id }),
    ...(input.team_id !== undefined && { team_id: input.team_id }),
    ...(input.email_deliverability !== undefined && { email_deliverability: input.email_deliverability }),
  };
  try {
    const updated = await db
      .updateTable('accounts')
      .set({ ...changes, updated_at: new Date(clock.now()) })
      .where('id', '=', account.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (updated.email_deliverability !== account.email_deliverability) await followDeliverabilityFlag(db, account.id, updated.email_deliverability, clock.now());
    return viewAccount(db, updated);
  } catch (error) {
    if (isUniqueViolation(error)) throw AppError.translated('conflict', { id: 'error.account.nameTaken', values: { name: input.name } });
    throw error;
  }
}

export async function listProjects(db: Db, actor: Actor, accountId: string): Promise<ProjectView[]> {
  const account = await getVisibleAccount(db, actor, accountId);
  const rows = await db.selectFrom('projects').selectAll().where('account_id', '=', account.id).orderBy('name').execute();
  return rows.map(presentProject);
}

/** Staff managers and admins, and the account's own customers, may add projects to it. */
export async function addProject(db: Db, clock: Clock, actor: Actor, accountId: string, input: NewProjectInput): Promise<ProjectView> {
  const account = await getVisibleAccount(db, actor, accountId);
  if (actor.role === 'agent') throw new AppError('forbidden', 'Agents may not add projects; ask a manager or the customer.');
  try {
    const row = await db
      .insertInto('projects')
      .values({ account_id: account.id, name: input.name, production: input.production, created_at: new Date(clock.now()) })
      .returningAll()
      .executeTakeFirstOrThrow();
    return presentProject(row);
  } catch (error) {
    if (isUniqueViolation(error)) throw AppError.translated('conflict', { id: 'error.account.projectNameTaken', values: { name: input.name } });
    throw error;
  }
}

function choosePlan(deps: AppDeps, packId: string, planId: string): PlanChoice {
  const found = lookUpPlan(deps.registry, packId, planId, deps.clock.now());
  if (!found.ok) throw invalid(`body.${found.field}`, found.message);
  return found.choice;
}

async function checkManagers(db: Db, actor: Actor, input: Partial<Record<(typeof MANAGER_FIELDS)[number], string | null | undefined>>) {
  for (const field of MANAGER_FIELDS) {
    const id = input[field];
    if (id) await checkStaffUser(db, actor, id, `body.${field}`);
  }
}

/** The account's support team must be a team of the provider. */
async function checkTeam(db: Db, actor: Actor, teamId: string, path: string): Promise<void> {
  const team = await db.selectFrom('teams').select('id').where('id', '=', teamId).where('provider_id', '=', actor.providerId).executeTakeFirst();
  if (!team) throw invalid(path, 'No team of yours has this id; see GET /api/v1/teams.');
}
