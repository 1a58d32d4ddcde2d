import type { Kysely } from 'kysely';
import type { Account, Database } from '../db/schema.js';
import type { PolicyCatalog } from '../policy/catalog.js';
import { loadCandidates, loadFollowTheSunTeam, loadTeam } from './candidates.js';
import { planIncludes } from './plan-features.js';
import { decideRoute, type RoutingDecision, type RoutingInput } from './decide.js';
import { decideInTurn } from './in-turn.js';

export type RoutedAccount = Pick<Account, 'id' | 'provider_id' | 'pack_id' | 'plan' | 'primary_manager_id' | 'secondary_manager_id' | 'team_id'>;

/** The account columns routing reads. */
export const ROUTED_ACCOUNT_COLUMNS = ['id', 'provider_id', 'pack_id', 'plan', 'primary_manager_id', 'secondary_manager_id', 'team_id'] as const;

/** Whether the account's plan gives it named account managers (twilio personalized). */
export function hasAccountManagers(registry: PolicyCatalog, account: Pick<Account, 'id' | 'pack_id' | 'plan'>, at: number): boolean {
  return planIncludes(registry, account, 'account_managers', at);
}

export async function loadRoutedAccount(db: Kysely<Database>, accountId: string): Promise<RoutedAccount> {
  return db.selectFrom('accounts').select(ROUTED_ACCOUNT_COLUMNS).where('id', '=', accountId).executeTakeFirstOrThrow();
}

/**
 * Whom work for the account goes to at `at` (a new ticket, a re-routed one or a phone call), read from
 * the database. Inside a transaction a least-loaded choice is made in turn with every other one (see
 * {@link decideInTurn}), so the caller must write the assignment in that transaction.
 */
export async function routeFor(
  db: Kysely<Database>,
  registry: PolicyCatalog,
  account: RoutedAccount,
  options: { language: string; at: number; exclude?: readonly string[]; teamId?: string | null },
): Promise<RoutingDecision> {
  const input = await routingInputFor(db, registry, account, options);
  if (!db.isTransaction) return decideRoute(input, options.at);
  return (await decideInTurn(db, [{ input, at: options.at }]))[0]!;
}

/** Whom work for the account may go to at `at`: the people and teams routing weighs, read from the database. */
export async function routingInputFor(
  db: Kysely<Database>,
  registry: PolicyCatalog,
  account: RoutedAccount,
  options: { language: string; at: number; exclude?: readonly string[]; teamId?: string | null },
): Promise<RoutingInput> {
  const { at, exclude = [] } = options;
  if (options.teamId == null && hasAccountManagers(registry, account, at)) {
    const managers = [account.primary_manager_id, account.secondary_manager_id].filter((id): id is string => id !== null);
    const [people, followTheSun] = await Promise.all([loadCandidates(db, managers, at), loadFollowTheSunTeam(db, account.provider_id, at)]);
    const person = (id: string | null) => (id === null ? null : people.get(id) ?? null);
    return { kind: 'personalized', primary: person(account.primary_manager_id), secondary: person(account.secondary_manager_id), followTheSun, exclude };
  }
  const team = await loadTeam(db, account.provider_id, options.teamId ?? account.team_id, at);
  return { kind: 'team', team, language: options.language, exclude };
}
