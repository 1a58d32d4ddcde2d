import { createHash, randomBytes } from 'node:crypto';

/** A random secret such as `hgt_…` (API token) or `hgs_…` (session), 256 bits, URL-safe. */
export function newSecret(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

/** Secrets are stored only as their SHA-256 hex digest. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
