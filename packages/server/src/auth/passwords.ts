import { hash, verify } from '@node-rs/argon2';

/** Argon2id (the library's default algorithm) with its recommended cost settings. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (passwordHash === null) {
    // Spend the same effort as a real check so a missing user is not told apart by timing.
    await verify(await dummyHash(), password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}

let dummy: Promise<string> | undefined;
const dummyHash = (): Promise<string> => (dummy ??= hash('not-a-real-password'));
