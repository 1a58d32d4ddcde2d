import { performance } from 'node:perf_hooks';
import type { Clock } from '../clock.js';
import { describeError, NotifyError } from './errors.js';
import { MAX_ATTEMPTS, nextAttempt } from './webhook-backoff.js';
import { WebhookDestinationRefused } from './webhook-destination.js';
import { SIGNATURE_HEADER, signWebhook } from './webhook-signature.js';

export interface WebhookEndpoint {
  id: string;
  url: string;
  /** The endpoint's secret, or the new and old ones while rotating. */
  secret: string | string[];
}

export interface WebhookEvent {
  /** Unique per event; receivers use it (the `Hourglass-Delivery` header) to drop duplicates. */
  id: string;
  type: string;
  /** ISO 8601 with offset. */
  occurredAt: string;
  data: unknown;
}

export type DeliveryOutcome = 'delivered' | 'retry_scheduled' | 'dead_letter';

/** One attempt to deliver one event to one endpoint: the row of the delivery log. */
export interface DeliveryRecord {
  eventId: string;
  eventType: string;
  endpointId: string;
  url: string;
  /** 1 for the first attempt. */
  attempt: number;
  /** Epoch ms when the attempt started. */
  attemptedAt: number;
  durationMs: number;
  /** The HTTP status, or null when no response came (refused, timed out, bad URL). */
  statusCode: number | null;
  /** Why the attempt failed, in plain words; null when delivered. */
  error: string | null;
  /** The first KiB of the response body, for the log; null when nothing was received. */
  responseExcerpt: string | null;
  outcome: DeliveryOutcome;
  /** Epoch ms of the next attempt when `outcome` is `retry_scheduled`, else null. */
  nextAttemptAt: number | null;
}

export interface DeliverOptions {
  clock: Clock;
  /** Which attempt this is, 1-based; defaults to 1. */
  attempt?: number;
  /** Per-attempt limit for the whole request; defaults to 10 s. */
  timeoutMs?: number;
  random?: () => number;
}

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export const USER_AGENT = 'Hourglass-Webhooks/1';
const EXCERPT_BYTES = 1024;

/** The JSON body of an event; the same bytes on every attempt. */
export function webhookBody(event: WebhookEvent): string {
  return JSON.stringify({ id: event.id, type: event.type, occurred_at: event.occurredAt, data: event.data });
}

/** Problems with an endpoint's settings, empty when it is usable. For validating an endpoint when it is saved. */
export function checkWebhookEndpoint(endpoint: { url: string; secret: string | string[] }): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  let url: URL | null = null;
  try {
    url = new URL(endpoint.url);
  } catch {
    problems.push({ path: 'url', message: 'Must be an absolute URL such as https://example.com/hooks/hourglass.' });
  }
  if (url && url.protocol !== 'https:' && url.protocol !== 'http:') problems.push({ path: 'url', message: 'Must use https (or http for local testing).' });
  if (url && (url.username || url.password)) problems.push({ path: 'url', message: 'Must not carry a user name or password; the signature authenticates the sender.' });
  const secrets = Array.isArray(endpoint.secret) ? endpoint.secret : [endpoint.secret];
  if (secrets.length === 0 || secrets.some((s) => typeof s !== 'string' || s.length < 16)) {
    problems.push({ path: 'secret', message: 'Must be at least 16 characters of random text.' });
  }
  return problems;
}

async function readExcerpt(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < EXCERPT_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.length;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks).subarray(0, EXCERPT_BYTES).toString('utf8');
}

/**
 * Makes one signed POST of `event` to `endpoint` and says what happens next: delivered (2xx), retry at
 * `nextAttemptAt`, or dead letter (attempts used up, the endpoint answered 410 Gone, its settings are unusable, or
 * `fetchImpl` refused the destination as internal: `guardedFetch` does, and is what the desk delivers with).
 * Never throws for network or HTTP failures; they are in the record. Throws NotifyError for an `attempt` below 1.
 */
export async function deliverWebhook(fetchImpl: FetchLike, endpoint: WebhookEndpoint, event: WebhookEvent, options: DeliverOptions): Promise<DeliveryRecord> {
  const attempt = options.attempt ?? 1;
  if (!Number.isSafeInteger(attempt) || attempt < 1) {
    throw new NotifyError('invalid_webhook_input', `attempt counts from 1 for the first delivery attempt; got ${JSON.stringify(options.attempt)}.`);
  }
  const attemptedAt = options.clock.now();
  const started = performance.now();
  const base = { eventId: event.id, eventType: event.type, endpointId: endpoint.id, url: endpoint.url, attempt, attemptedAt };
  const finish = (statusCode: number | null, error: string | null, responseExcerpt: string | null, permanent = false): DeliveryRecord => {
    const durationMs = Math.round(performance.now() - started);
    if (error === null) return { ...base, durationMs, statusCode, error, responseExcerpt, outcome: 'delivered', nextAttemptAt: null };
    const plan = permanent ? ({ kind: 'dead_letter' } as const) : nextAttempt(attempt, options.clock.now(), options.random);
    return plan.kind === 'retry'
      ? { ...base, durationMs, statusCode, error, responseExcerpt, outcome: 'retry_scheduled', nextAttemptAt: plan.at }
      : { ...base, durationMs, statusCode, error: permanent ? error : `${error} (gave up after ${attempt} of ${MAX_ATTEMPTS} attempts)`, responseExcerpt, outcome: 'dead_letter', nextAttemptAt: null };
  };

  const problems = checkWebhookEndpoint(endpoint);
  if (problems.length) return finish(null, `Endpoint settings are unusable: ${problems.map((p) => `${p.path}: ${p.message}`).join(' ')}`, null, true);

  const body = webhookBody(event);
  let response: Response;
  try {
    response = await fetchImpl(endpoint.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      headers: {
        'content-type': 'application/json',
        'user-agent': USER_AGENT,
        [SIGNATURE_HEADER]: signWebhook(endpoint.secret, options.clock.now(), body),
        'Hourglass-Event': event.type,
        'Hourglass-Delivery': event.id,
        'Hourglass-Attempt': String(attempt),
      },
      body,
    });
  } catch (error) {
    if (error instanceof WebhookDestinationRefused) return finish(null, `Not sent: ${error.message}`, null, true);
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    const cause = error instanceof Error && error.cause !== undefined ? `: ${describeError(error.cause)}` : '';
    return finish(null, timedOut ? `No response within ${options.timeoutMs ?? 10_000} ms` : `Request failed: ${describeError(error)}${cause}`, null);
  }
  const excerpt = await readExcerpt(response).catch(() => null);
  if (response.status >= 200 && response.status < 300) return finish(response.status, null, excerpt);
  if (response.status === 410) return finish(response.status, 'The endpoint answered 410 Gone; it no longer takes deliveries', excerpt, true);
  const kind = response.status >= 300 && response.status < 400 ? 'a redirect, which is not followed' : 'not a 2xx status';
  return finish(response.status, `The endpoint answered ${response.status}, ${kind}`, excerpt);
}

export interface RetryLoopOptions extends DeliverOptions {
  /** Waits `ms`; with a fixed clock, advance it here. */
  sleep: (ms: number) => Promise<void>;
  /** Called with each attempt's record as soon as it is known (write the delivery log here). */
  onRecord?: (record: DeliveryRecord) => Promise<void> | void;
}

/**
 * Delivers with retries in this process until delivered or dead-lettered, and returns every attempt.
 * For a single process (embedded mode, tests); with durable timers, run `deliverWebhook` once per due
 * attempt instead and store `nextAttemptAt`.
 */
export async function deliverWithRetries(fetchImpl: FetchLike, endpoint: WebhookEndpoint, event: WebhookEvent, options: RetryLoopOptions): Promise<DeliveryRecord[]> {
  const records: DeliveryRecord[] = [];
  for (let attempt = options.attempt ?? 1; ; attempt++) {
    const record = await deliverWebhook(fetchImpl, endpoint, event, { ...options, attempt });
    records.push(record);
    await options.onRecord?.(record);
    if (record.outcome !== 'retry_scheduled' || record.nextAttemptAt === null) return records;
    await options.sleep(Math.max(0, record.nextAttemptAt - options.clock.now()));
  }
}
