import { createHmac, timingSafeEqual } from 'node:crypto';
import { NotifyError } from './errors.js';

/**
 * Webhook signatures: `Hourglass-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`.
 * A receiver recomputes the HMAC over the raw body with its secret and refuses stale timestamps.
 * Several `v1=` entries may appear while a secret is being rotated; any one matching is enough.
 */
export const SIGNATURE_HEADER = 'Hourglass-Signature';
/** Five minutes either way. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

function hmac(secret: string, seconds: number, body: string): string {
  return createHmac('sha256', secret).update(`${seconds}.${body}`, 'utf8').digest('hex');
}

function checkSecret(secret: string): void {
  if (typeof secret !== 'string' || secret.length < 16) {
    throw new NotifyError('invalid_webhook_input', 'A webhook secret must be text of at least 16 characters; generate one with a random source.');
  }
}

/**
 * The header value for `body` sent at `atMs` (epoch milliseconds; the header carries whole seconds).
 * Pass several secrets while rotating one to add a `v1=` per secret.
 */
export function signWebhook(secret: string | string[], atMs: number, body: string): string {
  if (!Number.isFinite(atMs) || atMs < 0) {
    throw new NotifyError('invalid_webhook_input', `The signing time must be epoch milliseconds; got ${JSON.stringify(atMs)}.`);
  }
  const secrets = Array.isArray(secret) ? secret : [secret];
  if (secrets.length === 0) throw new NotifyError('invalid_webhook_input', 'Give at least one webhook secret to sign with.');
  secrets.forEach(checkSecret);
  const seconds = Math.floor(atMs / 1000);
  return [`t=${seconds}`, ...secrets.map((s) => `v1=${hmac(s, seconds, body)}`)].join(',');
}

export type VerifyFailure = 'missing_signature' | 'malformed_signature' | 'stale_timestamp' | 'signature_mismatch';

export type VerifyResult = { ok: true; timestampMs: number } | { ok: false; reason: VerifyFailure; message: string };

export interface VerifyInput {
  /** The receiver's secret, or the old and new ones while rotating. */
  secret: string | string[];
  /** The `Hourglass-Signature` header as received. */
  header: string | string[] | undefined | null;
  /** The raw request body, exactly as received (before any JSON parsing). */
  body: string;
  /** The receiver's now, epoch milliseconds. */
  nowMs: number;
  toleranceSeconds?: number;
}

export function verifyWebhook(input: VerifyInput): VerifyResult {
  const header = Array.isArray(input.header) ? input.header[0] : input.header;
  if (!header) return { ok: false, reason: 'missing_signature', message: `The ${SIGNATURE_HEADER} header is missing.` };
  let seconds: number | null = null;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (eq < 0) continue;
    if (key === 't' && /^\d{1,12}$/.test(value)) seconds = Number(value);
    if (key === 'v1' && /^[0-9a-f]{64}$/i.test(value)) signatures.push(value.toLowerCase());
  }
  if (seconds === null || signatures.length === 0) {
    return { ok: false, reason: 'malformed_signature', message: `The ${SIGNATURE_HEADER} header must look like t=<unix seconds>,v1=<64 hex digits>.` };
  }
  const tolerance = input.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  const skew = Math.abs(input.nowMs / 1000 - seconds);
  if (skew > tolerance) {
    return { ok: false, reason: 'stale_timestamp', message: `The signature is ${Math.round(skew)} s away from now; at most ${tolerance} s is accepted.` };
  }
  const secrets = Array.isArray(input.secret) ? input.secret : [input.secret];
  for (const secret of secrets) {
    const expected = Buffer.from(hmac(secret, seconds, input.body), 'hex');
    if (signatures.some((signature) => timingSafeEqual(Buffer.from(signature, 'hex'), expected))) {
      return { ok: true, timestampMs: seconds * 1000 };
    }
  }
  return { ok: false, reason: 'signature_mismatch', message: 'No signature matches the body with the configured secret.' };
}
