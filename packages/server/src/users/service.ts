import type { Kysely } from 'kysely';
import { type Actor, isStaff, requireRole } from '../auth/actor.js';
import { hashPassword } from '../auth/passwords.js';
import type { Clock } from '../clock.js';
import { isUniqueViolation } from '../db/errors.js';
import type { Database, Role, User } from '../db/schema.js';
import { invalid } from '../http/invalid.js';
import { AppError, notFound } from '../errors.js';
import { decodeCursor, toPage } from '../http/pagination.js';
import { presentUser } from './present.js';
import type { CreateUserInput, ListUsersFilter, UpdateUserInput } from './schemas.js';

/** Who may create or change a user of a given role. */
const MANAGEABLE_BY: Record<Role, readonly Role[]> = {
  admin: ['customer', 'agent', 'manager', 'admin'],
  manager: ['customer', 'agent'],
  agent: [],
  customer: [],
};

const SELF_EDITABLE = new Set(['name', 'password', 'zone', 'languages', 'locale', 'working_hours', 'presence', 'out_of_office_until']);

export async function listUsers(db: Kysely<Database>, actor: Actor, filter: ListUsersFilter) {
  let query = db.selectFrom('users').selectAll().where('provider_id', '=', actor.providerId);
  if (!isStaff(actor)) query = query.where('account_id', '=', actor.accountId);
  if (filter.role) query = query.where('role', '=', filter.role);
  if (filter.account_id) query = query.where('account_id', '=', filter.account_id);
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('name', 'ilike', like), eb('email', 'ilike', like)]));
  }
  const cursor = decodeCursor(filter.cursor);
  if (cursor) {
    query = query.where((eb) =>
      eb.or([eb('email', '>', cursor.key), eb.and([eb('email', '=', cursor.key), eb('id', '>', cursor.id)])]),
    );
  }
  const rows = await query.orderBy('email').orderBy('id').limit(filter.limit + 1).execute();
  return toPage(rows, filter.limit, (u) => ({ key: u.email, id: u.id }), presentUser);
}

/** A user the actor may see; other tenants' users are reported as not found. */
export async function getVisibleUser(db: Kysely<Database>, actor: Actor, id: string): Promise<User> {
  const user = await db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', id)
    .where('provider_id', '=', actor.providerId)
    .executeTakeFirst();
  if (!user || (!isStaff(actor) && user.account_id !== actor.accountId)) throw notFound('user');
  return user;
}

export async function createUser(db: Kysely<Database>, clock: Clock, actor: Actor, input: CreateUserInput): Promise<User> {
  requireRole(actor, ['admin', 'manager'], 'create users');
  if (!MANAGEABLE_BY[actor.role].includes(input.role)) {
    throw AppError.translated('forbidden', { id: 'error.users.mayNotCreateRole', values: { actorRole: actor.role, role: input.role } });
  }
  await checkAccountFits(db, actor, input.role, input.account_id ?? null, 'body.account_id');
  if (input.manager_id) await checkStaffUser(db, actor, input.manager_id, 'body.manager_id');
  const now = new Date(clock.now());
  try {
    return await db
      .insertInto('users')
      .values({
        provider_id: actor.providerId,
        email: input.email.trim().toLowerCase(),
        name: input.name,
        role: input.role,
        account_id: input.account_id ?? null,
        password_hash: input.password ? await hashPassword(input.password) : null,
        zone: input.zone,
        languages: JSON.stringify(input.languages),
        locale: input.locale ?? null,
        working_hours: JSON.stringify(input.working_hours ?? null),
        manager_id: input.manager_id ?? null,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  } catch (error) {
    if (isUniqueViolation(error, 'users_email_key')) throw new AppError('email_taken');
    throw error;
  }
}

export async function updateUser(db: Kysely<Database>, clock: Clock, actor: Actor, id: string, input: UpdateUserInput): Promise<User> {
  const user = await getVisibleUser(db, actor, id);
  const self = user.id === actor.userId;
  const fields = Object.keys(input).filter((k) => input[k as keyof UpdateUserInput] !== undefined);
  const canManage = MANAGEABLE_BY[actor.role].includes(user.role) && (input.role === undefined || MANAGEABLE_BY[actor.role].includes(input.role));
  if (!canManage) {
    const notSelfEditable = fields.filter((f) => !SELF_EDITABLE.has(f));
    if (!self) throw AppError.translated('forbidden', { id: 'error.users.mayNotChangeProfile', values: { actorRole: actor.role, role: user.role } });
    if (notSelfEditable.length > 0) {
      throw AppError.translated('forbidden', { id: 'error.users.notSelfEditable', values: { fields: notSelfEditable.join(', ') } });
    }
  }
  if (input.role !== undefined && input.role !== user.role && (input.role === 'customer') !== (user.role === 'customer')) {
    throw new AppError('validation_failed', undefined, [
      { path: 'body.role', message: 'A customer cannot become provider staff or the other way round; create a new user instead.' },
    ]);
  }
  if (input.manager_id) await checkStaffUser(db, actor, input.manager_id, 'body.manager_id');
  const changes = {
    ...(input.name !== undefined && { name: input.name }),
    ...(input.role !== undefined && { role: input.role }),
    ...(input.password !== undefined && { password_hash: await hashPassword(input.password) }),
    ...(input.zone !== undefined && { zone: input.zone }),
    ...(input.languages !== undefined && { languages: JSON.stringify(input.languages) }),
    ...(input.locale !== undefined && { locale: input.locale }),
    ...(input.working_hours !== undefined && { working_hours: JSON.stringify(input.working_hours) }),
    ...(input.manager_id !== undefined && { manager_id: input.manager_id }),
    ...(input.presence !== undefined && { presence: input.presence }),
    ...(input.out_of_office_until !== undefined && { out_of_office_until: input.out_of_office_until }),
    ...(input.active !== undefined && { active: input.active }),
  };
  return db
    .updateTable('users')
    .set({ ...changes, updated_at: new Date(clock.now()) })
    .where('id', '=', user.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

async function checkAccountFits(db: Kysely<Database>, actor: Actor, role: Role, accountId: string | null, path: string) {
  if (role !== 'customer') {
    if (accountId !== null) throw invalid(path, 'Only customers belong to an account; leave account_id out for staff.');
    return;
  }
  if (accountId === null) throw invalid(path, 'A customer must belong to an account; give its account_id.');
  const account = await db
    .selectFrom('accounts')
    .select('id')
    .where('id', '=', accountId)
    .where('provider_id', '=', actor.providerId)
    .executeTakeFirst();
  if (!account) throw invalid(path, 'No account has this id.');
}

/** Checks that `userId` is provider staff (agent, manager or admin), for manager and team fields. */
export async function checkStaffUser(db: Kysely<Database>, actor: Actor, userId: string, path: string): Promise<void> {
  const user = await db
    .selectFrom('users')
    .select('role')
    .where('id', '=', userId)
    .where('provider_id', '=', actor.providerId)
    .executeTakeFirst();
  if (!user) throw invalid(path, 'No user has this id.');
  if (user.role === 'customer') throw invalid(path, 'Must be provider staff (an agent, manager or admin), not a customer.');
}
