import { api } from '../api/client.js';
import type { Account, Page, User } from '../api/types.js';

/** Names of accounts and staff, for showing ids as people and companies. */
export interface Directory {
  accounts: Map<string, Account>;
  users: Map<string, User>;
}

export async function loadDirectory(signal: AbortSignal): Promise<Directory> {
  const [accounts, users] = await Promise.all([
    api.get<Page<Account>>('/api/v1/accounts?limit=200', signal),
    api.get<Page<User>>('/api/v1/users?limit=200', signal),
  ]);
  return {
    accounts: new Map(accounts.items.map((a) => [a.id, a])),
    users: new Map(users.items.map((u) => [u.id, u])),
  };
}
