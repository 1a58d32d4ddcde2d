import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../errors.js';

/**
 * Argon2 itself failed (a stored hash it cannot read, the native library failing): a fault on the
 * server's side, logged and answered as a 500, never as "wrong password". The Argon2 error is its cause.
 */
export class PasswordCheckFailed extends AppError {
  constructor(cause: unknown) {
    super('internal', 'The password could not be checked because of a fault on our side; it has been logged. Try again later or ask an administrator.');
    this.cause = cause;
  }
}

/** Argon2id (the library's default algorithm) with its recommended cost settings. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** Whether `password` matches the stored hash; a user without one never matches. Throws `PasswordCheckFailed` when Argon2 fails. */
export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (passwordHash === null) {
    // Spend the same effort as a real check so a missing user is not told apart by timing.
    await check(await dummyHash(), password);
    return false;
  }
  return check(passwordHash, password);
}

async function check(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch (error) {
    throw new PasswordCheckFailed(error);
  }
}

let dummy: Promise<string> | undefined;
const dummyHash = (): Promise<string> => (dummy ??= hash('not-a-real-password'));
