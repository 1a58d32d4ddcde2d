import { queryOptions } from '@tanstack/react-query';
import type { Account, User } from '../api/types.js';
import { loadAll } from './paging.js';

/** Names of accounts and staff, for showing ids as people and companies. */
export interface Directory {
  accounts: Map<string, Account>;
  users: Map<string, User>;
}

export async function loadDirectory(signal: AbortSignal): Promise<Directory> {
  const [accounts, users] = await Promise.all([loadAll('/api/v1/accounts', {}, signal), loadAll('/api/v1/users', {}, signal)]);
  return {
    accounts: new Map(accounts.map((a) => [a.id, a])),
    users: new Map(users.map((u) => [u.id, u])),
  };
}

/** The key of the directory: writes to accounts or people invalidate it. */
export const DIRECTORY_KEY = ['directory'] as const;

/** The directory, read once and kept for a minute (names change rarely; writes invalidate it). */
export const directoryQuery = queryOptions({ queryKey: DIRECTORY_KEY, queryFn: ({ signal }) => loadDirectory(signal), staleTime: 60_000 });
