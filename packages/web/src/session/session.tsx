import { createContext, useContext } from 'react';
import type { User } from '../api/types.js';

export interface Session {
  user: User;
  /** The zone times are shown in: the person's own. */
  zone: string;
  signOut(): Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in page');
  return session;
}

export const isStaff = (user: User) => user.role !== 'customer';
