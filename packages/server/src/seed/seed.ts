import type { Kysely, Transaction } from 'kysely';
import { hashPassword } from '../auth/passwords.js';
import type { Clock } from '../clock.js';
import { SCHEMA_LOCK, withAdvisoryLock } from '../db/advisory-lock.js';
import type { Account, Database, Role, Team, User } from '../db/schema.js';
import { lookUpPlan, type PolicyCatalog } from '../policy/catalog.js';
import { seedTickets } from './demo-tickets.js';
import { seedDemoStatus } from './demo-status.js';
import { seedDemoAvailability } from './demo-availability.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORDS, DEMO_PROJECTS, DEMO_PROVIDER, DEMO_STAFF, DEMO_TEAMS } from './demo-data.js';

export interface DemoLogin {
  role: Role;
  name: string;
  email: string;
  password: string;
  account?: string;
}

/** What earlier seed steps created, for the steps after them (tickets build on accounts and people). */
export interface SeedContext {
  db: Transaction<Database>;
  clock: Clock;
  registry: PolicyCatalog;
  providerId: string;
  staff: Map<string, User>;
  accounts: Map<string, Account>;
  customers: Map<string, User>;
  teams: Map<string, Team>;
}

/** One stage of the demo data. Ticket seeding adds its own step after the built-in ones. */
export type SeedStep = (context: SeedContext) => Promise<void>;

export interface SeedReport {
  seeded: boolean;
  logins: DemoLogin[];
}

/**
 * Fills an empty database with fictional demo data: one provider, accounts on every plan of the
 * shipped packs, customers, agents with working hours, a manager, an admin, teams and tickets in
 * every status (unless `tickets: false`). Does nothing if a provider exists.
 */
export async function seedDemoData(
  db: Kysely<Database>,
  registry: PolicyCatalog,
  clock: Clock,
  options: { tickets?: boolean; extraSteps?: SeedStep[] } = {},
): Promise<SeedReport> {
  const extraSteps = [...(options.tickets === false ? [] : [seedTickets, seedDemoStatus]), ...(options.extraSteps ?? [])];
  const logins = demoLogins();
  const seededAlready = async (q: Kysely<Database>) => (await q.selectFrom('providers').select('id').limit(1).executeTakeFirst()) !== undefined;
  if (await seededAlready(db)) return { seeded: false, logins };
  const hashes = await passwordHashes();
  // Processes starting together on an empty database take turns; the one after the first finds the data there.
  const seeded = await withAdvisoryLock(db, SCHEMA_LOCK, async (session) => {
    if (await seededAlready(session)) return false;
    await session.transaction().execute((trx) => seedAll(trx));
    return true;
  });
  return { seeded, logins };

  async function seedAll(trx: Transaction<Database>): Promise<void> {
    const now = new Date(clock.now());
    const provider = await trx.insertInto('providers').values({ ...DEMO_PROVIDER, created_at: now }).returning('id').executeTakeFirstOrThrow();
    const context: SeedContext = {
      db: trx,
      clock,
      registry,
      providerId: provider.id,
      staff: new Map(),
      accounts: new Map(),
      customers: new Map(),
      teams: new Map(),
    };
    // Availability (packages, fees) comes last: it reads the status components seeded before it.
    for (const step of [seedStaff(hashes), seedAccounts(hashes), seedTeams, seedAccountTeams, ...extraSteps, seedDemoAvailability]) await step(context);
  }
}

export function demoLogins(): DemoLogin[] {
  return [
    ...DEMO_STAFF.map((s) => ({ role: s.role, name: s.name, email: s.email, password: DEMO_PASSWORDS[s.role] })),
    ...DEMO_ACCOUNTS.map((a) => ({ role: 'customer' as const, name: a.customer.name, email: a.customer.email, password: DEMO_PASSWORDS.customer, account: `${a.name} (${a.packId} ${a.plan})` })),
  ];
}

async function passwordHashes(): Promise<Record<Role, string>> {
  const entries = await Promise.all((Object.keys(DEMO_PASSWORDS) as Role[]).map(async (role) => [role, await hashPassword(DEMO_PASSWORDS[role])] as const));
  return Object.fromEntries(entries) as Record<Role, string>;
}

const seedStaff =
  (hashes: Record<Role, string>): SeedStep =>
  async (ctx) => {
    const now = new Date(ctx.clock.now());
    for (const person of DEMO_STAFF) {
      const user = await ctx.db
        .insertInto('users')
        .values({
          provider_id: ctx.providerId,
          email: person.email,
          name: person.name,
          role: person.role,
          account_id: null,
          password_hash: hashes[person.role],
          zone: person.zone,
          languages: JSON.stringify(person.languages),
          locale: person.locale ?? null,
          working_hours: JSON.stringify(person.hours),
          manager_id: person.managerKey ? ctx.staff.get(person.managerKey)?.id ?? null : null,
          phone: person.phone ?? null,
          presence: person.role === 'agent' ? 'available' : 'offline',
          created_at: now,
          updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      ctx.staff.set(person.key, user);
    }
  };

const seedAccounts =
  (hashes: Record<Role, string>): SeedStep =>
  async (ctx) => {
    const now = new Date(ctx.clock.now());
    const staffId = (key: string | undefined) => (key ? ctx.staff.get(key)?.id ?? null : null);
    for (const demo of DEMO_ACCOUNTS) {
      const plan = lookUpPlan(ctx.registry, demo.packId, demo.plan, ctx.clock.now());
      if (!plan.ok) throw new Error(`Demo account ${demo.name}: ${plan.message}`);
      const account = await ctx.db
        .insertInto('accounts')
        .values({
          provider_id: ctx.providerId,
          name: demo.name,
          pack_id: plan.choice.packId,
          plan: plan.choice.plan,
          pack_version: plan.choice.packVersion,
          partner_tier: demo.partnerTier,
          languages: JSON.stringify(demo.languages),
          phone_pin: demo.phonePin,
          primary_manager_id: staffId(demo.primaryManagerKey),
          secondary_manager_id: staffId(demo.secondaryManagerKey),
          growth_manager_id: staffId(demo.growthManagerKey),
          email_deliverability: demo.emailDeliverability,
          created_at: now,
          updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      ctx.accounts.set(demo.key, account);
      await ctx.db
        .insertInto('projects')
        .values(DEMO_PROJECTS.map((p) => ({ account_id: account.id, name: p.name, production: p.production, created_at: now })))
        .execute();
      const customer = await ctx.db
        .insertInto('users')
        .values({
          provider_id: ctx.providerId,
          email: demo.customer.email,
          name: demo.customer.name,
          role: 'customer',
          account_id: account.id,
          password_hash: hashes.customer,
          zone: demo.customer.zone,
          languages: JSON.stringify(demo.customer.languages),
          locale: demo.customer.locale ?? null,
          working_hours: JSON.stringify(null),
          manager_id: null,
          created_at: now,
          updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      ctx.customers.set(demo.key, customer);
    }
  };

const seedTeams: SeedStep = async (ctx) => {
  const now = new Date(ctx.clock.now());
  for (const demo of DEMO_TEAMS) {
    const team = await ctx.db
      .insertInto('teams')
      .values({ provider_id: ctx.providerId, name: demo.name, description: demo.description, follow_the_sun: demo.followTheSun, phone: demo.phone ?? null, created_at: now, updated_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
    ctx.teams.set(demo.key, team);
    await ctx.db
      .insertInto('team_memberships')
      .values(demo.memberKeys.map((key) => ({ team_id: team.id, user_id: ctx.staff.get(key)!.id, created_at: now })))
      .execute();
  }
};

/** Gives each account with a support team in the demo data its team (teams are made after accounts). */
const seedAccountTeams: SeedStep = async (ctx) => {
  for (const demo of DEMO_ACCOUNTS) {
    if (!demo.teamKey) continue;
    const team = ctx.teams.get(demo.teamKey);
    const account = ctx.accounts.get(demo.key);
    if (!team || !account) throw new Error(`Demo account ${demo.name}: unknown team ${demo.teamKey}`);
    await ctx.db.updateTable('accounts').set({ team_id: team.id }).where('id', '=', account.id).execute();
    ctx.accounts.set(demo.key, { ...account, team_id: team.id });
  }
};
