import type { Account, User } from '../db/schema.js';
import type { ActorAccount } from './actor.js';

/** The columns of a user's account read together with the user (users left-joined with accounts). */
export const ACCOUNT_OF_USER = [
  'accounts.provider_id as account_provider_id',
  'accounts.pack_id as account_pack_id',
  'accounts.plan as account_plan',
  'accounts.languages as account_languages',
  'accounts.primary_manager_id as account_primary_manager_id',
  'accounts.secondary_manager_id as account_secondary_manager_id',
  'accounts.team_id as account_team_id',
] as const;

interface AccountColumns {
  account_provider_id: string | null;
  account_pack_id: string | null;
  account_plan: string | null;
  account_languages: Account['languages'] | null;
  account_primary_manager_id: string | null;
  account_secondary_manager_id: string | null;
  account_team_id: string | null;
}

export function splitAccount<T extends User & AccountColumns>(row: T): { user: User; account: ActorAccount | null } {
  const { account_provider_id, account_pack_id, account_plan, account_languages, account_primary_manager_id, account_secondary_manager_id, account_team_id, ...user } = row;
  const account =
    user.account_id !== null && account_provider_id !== null && account_pack_id !== null && account_plan !== null
      ? {
          id: user.account_id,
          provider_id: account_provider_id,
          pack_id: account_pack_id,
          plan: account_plan,
          languages: account_languages ?? [],
          primary_manager_id: account_primary_manager_id,
          secondary_manager_id: account_secondary_manager_id,
          team_id: account_team_id,
        }
      : null;
  return { user: user as User, account };
}
