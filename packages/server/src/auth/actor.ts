import type { FastifyRequest } from 'fastify';
import type { Account, Role } from '../db/schema.js';
import { AppError } from '../errors.js';
import type { Locale } from '../i18n/locales.js';

/** The signed-in caller of a request. */
export interface Actor {
  userId: string;
  providerId: string;
  role: Role;
  /** The customer account of a customer; null for provider staff. */
  accountId: string | null;
  /** Idempotency keys and audit entries are scoped to this (`user:<id>` or `token:<id>`). */
  principal: string;
  via: 'session' | 'token';
  /** A customer's account as read with the caller, so creating a ticket needs no second look-up. */
  account: ActorAccount | null;
  /** The language the caller chose for the desk (error messages use it when the request names none). */
  locale?: Locale | null;
}

/** The actor's account as read with the user: what ticket creation and routing need. */
export type ActorAccount = Pick<Account, 'id' | 'provider_id' | 'pack_id' | 'plan' | 'languages' | 'primary_manager_id' | 'secondary_manager_id' | 'team_id'>;

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export const STAFF_ROLES: readonly Role[] = ['agent', 'manager', 'admin'];
export const isStaff = (actor: Actor): boolean => STAFF_ROLES.includes(actor.role);

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated');
  return request.actor;
}

export function requireRole(actor: Actor, roles: readonly Role[], action: string): void {
  if (!roles.includes(actor.role)) {
    // Other languages name the roles and the caller's role; the English message also names the action.
    const set = [...roles].sort().join(' ');
    const id = set === 'admin manager' ? 'error.roleRequired.adminOrManager' : set === 'admin' ? 'error.roleRequired.admin' : undefined;
    const message = `Only ${roles.join(' or ')} users may ${action}; you are signed in as ${actor.role}.`;
    throw new AppError('forbidden', message, undefined, id ? { id, values: { role: actor.role } } : undefined);
  }
}
