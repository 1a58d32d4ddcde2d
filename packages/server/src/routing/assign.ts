import type { Kysely } from 'kysely';
import type { Account, Database } from '../db/schema.js';
import type { PolicyCatalog } from '../policy/catalog.js';
import { loadCandidates, loadFollowTheSunTeam, loadTeam } from './candidates.js';
import { decideRoute, type RoutingDecision } from './decide.js';

export type RoutedAccount = Pick<Account, 'id' | 'provider_id' | 'pack_id' | 'plan' | 'primary_manager_id' | 'secondary_manager_id' | 'team_id'>;

/** The account columns routing reads. */
export const ROUTED_ACCOUNT_COLUMNS = ['id', 'provider_id', 'pack_id', 'plan', 'primary_manager_id', 'secondary_manager_id', 'team_id'] as const;

/** Whether the account's plan gives it named account managers (twilio personalized). */
export function hasAccountManagers(registry: PolicyCatalog, account: Pick<Account, 'pack_id' | 'plan'>, at: number): boolean {
  try {
    const plan = registry.pack(account.pack_id).versionAt(at).plan(account.plan);
    return (plan.includes ?? []).includes('account_managers');
  } catch {
    return false;
  }
}

export async function loadRoutedAccount(db: Kysely<Database>, accountId: string): Promise<RoutedAccount> {
  return db.selectFrom('accounts').select(ROUTED_ACCOUNT_COLUMNS).where('id', '=', accountId).executeTakeFirstOrThrow();
}

/** Whom work for the account goes to at `at` (a new ticket, a re-routed one or a phone call), read from the database. */
export async function routeFor(
  db: Kysely<Database>,
  registry: PolicyCatalog,
  account: RoutedAccount,
  options: { language: string; at: number; exclude?: readonly string[]; teamId?: string | null },
): Promise<RoutingDecision> {
  const { at, exclude = [] } = options;
  if (options.teamId == null && hasAccountManagers(registry, account, at)) {
    const managers = [account.primary_manager_id, account.secondary_manager_id].filter((id): id is string => id !== null);
    const [people, followTheSun] = await Promise.all([loadCandidates(db, managers, at), loadFollowTheSunTeam(db, account.provider_id, at)]);
    const person = (id: string | null) => (id === null ? null : people.get(id) ?? null);
    return decideRoute({ kind: 'personalized', primary: person(account.primary_manager_id), secondary: person(account.secondary_manager_id), followTheSun, exclude }, at);
  }
  const team = await loadTeam(db, account.provider_id, options.teamId ?? account.team_id, at);
  return decideRoute({ kind: 'team', team, language: options.language, exclude }, at);
}
