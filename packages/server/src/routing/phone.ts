import { formatInstant } from '@hourglass/engine';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { AppError, type LocalizedText, textIn } from '../errors.js';
import { DEFAULT_LOCALE } from '../i18n/index.js';
import type { PolicyCatalog } from '../policy/catalog.js';
import { ROUTED_ACCOUNT_COLUMNS, routeFor } from './assign.js';
import type { RoutingRule } from '../assignment-reasons/why.js';
import { planIncludes } from './plan-features.js';

export interface CallRoute {
  account: { id: string; name: string; plan: string };
  connect:
    | { kind: 'agent'; user_id: string; name: string; phone: string | null; zone: string; local_time: string }
    | { kind: 'team'; team_id: string; name: string; phone: string | null }
    | { kind: 'queue' };
  rule: RoutingRule;
  reason: string;
  at: string;
}

export const PIN_PATTERN = /^\d{4,12}$/;

/** No account of the provider has this PIN, or its plan has no phone line. */
export class WrongPin extends AppError {}

/**
 * Whom a caller who keyed `pin` is connected to at `at`: the account's routing (primary manager in
 * hours, secondary, the follow-the-sun engineer, the team) applied to a call.
 */
export async function routeCall(db: Kysely<Database>, registry: PolicyCatalog, providerId: string, pin: string, at: number): Promise<CallRoute> {
  const account = await db
    .selectFrom('accounts')
    .select([...ROUTED_ACCOUNT_COLUMNS, 'name', 'languages', 'pack_version'])
    .where('provider_id', '=', providerId)
    .where('phone_pin', '=', pin)
    .executeTakeFirst();
  if (!account) throw new WrongPin('not_found', 'No account has this PIN; check the PIN and try again.', [{ path: 'body.pin', message: 'No account has this PIN.' }]);
  if (!planIncludes(registry, account, 'phone_line', at)) {
    const text: LocalizedText = { id: 'error.phone.noPhoneLine', values: { plan: account.plan } };
    const issue: LocalizedText = { id: 'validation.noPhoneLine' };
    throw new WrongPin('forbidden', textIn(text, DEFAULT_LOCALE), [{ path: 'body.pin', message: textIn(issue, DEFAULT_LOCALE), text: issue }], text);
  }
  const decision = await routeFor(db, registry, account, { language: account.languages[0] ?? 'en', at });
  const base = { account: { id: account.id, name: account.name, plan: account.plan }, rule: decision.rule, reason: decision.reason, at: new Date(at).toISOString() };
  if (decision.assignee_id !== null) {
    const person = await db.selectFrom('users').select(['id', 'name', 'phone', 'zone']).where('id', '=', decision.assignee_id).executeTakeFirstOrThrow();
    return { ...base, connect: { kind: 'agent', user_id: person.id, name: person.name, phone: person.phone, zone: person.zone, local_time: formatInstant(at, person.zone) } };
  }
  if (decision.team_id !== null) {
    const team = await db.selectFrom('teams').select(['id', 'name', 'phone']).where('id', '=', decision.team_id).executeTakeFirstOrThrow();
    return { ...base, connect: { kind: 'team', team_id: team.id, name: team.name, phone: team.phone } };
  }
  return { ...base, connect: { kind: 'queue' } };
}
