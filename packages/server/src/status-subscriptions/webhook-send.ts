/**
 * One signed POST of a notice to a webhook subscriber, exactly as the desk signs its other webhooks
 * (`Hourglass-Signature: t=<seconds>,v1=<HMAC-SHA256 of "<t>.<body>">`, with `Hourglass-Event`,
 * `Hourglass-Delivery` and `Hourglass-Attempt`), and what follows: delivered, another attempt at the
 * backoff's time, or the dead letter (attempts used up, 410 Gone, or a destination refused as internal).
 */
import type { Clock } from '../clock.js';
import { checkWebhookEndpoint, MAX_ATTEMPTS, nextAttempt, SIGNATURE_HEADER, signWebhook, USER_AGENT, WebhookDestinationRefused, type FetchLike } from '../notify/index.js';

export const STATUS_WEBHOOK_EVENT = 'status.incident_update';
/** The event of a notice of a component's status set by hand. */
export const COMPONENT_WEBHOOK_EVENT = 'status.component_update';

export type SendOutcome =
  | { outcome: 'delivered'; statusCode: number }
  | { outcome: 'retry'; statusCode: number | null; error: string; at: number }
  | { outcome: 'dead_letter'; statusCode: number | null; error: string };

export async function sendSignedNotice(
  fetchImpl: FetchLike,
  target: { url: string; secret: string },
  delivery: { id: string; body: string; attempt: number; event?: string },
  options: { clock: Clock; timeoutMs?: number },
): Promise<SendOutcome> {
  const failed = (statusCode: number | null, error: string, permanent = false): SendOutcome => {
    const plan = permanent ? ({ kind: 'dead_letter' } as const) : nextAttempt(delivery.attempt, options.clock.now());
    return plan.kind === 'retry'
      ? { outcome: 'retry', statusCode, error, at: plan.at }
      : { outcome: 'dead_letter', statusCode, error: permanent ? error : `${error} (gave up after ${delivery.attempt} of ${MAX_ATTEMPTS} attempts)` };
  };
  const problems = checkWebhookEndpoint(target);
  if (problems.length) return failed(null, `Unusable subscription: ${problems.map((p) => `${p.path}: ${p.message}`).join(' ')}`, true);
  const timeoutMs = options.timeoutMs ?? 10_000;
  let response: Response;
  try {
    response = await fetchImpl(target.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        'content-type': 'application/json',
        'user-agent': USER_AGENT,
        [SIGNATURE_HEADER]: signWebhook(target.secret, options.clock.now(), delivery.body),
        'Hourglass-Event': delivery.event ?? STATUS_WEBHOOK_EVENT,
        'Hourglass-Delivery': delivery.id,
        'Hourglass-Attempt': String(delivery.attempt),
      },
      body: delivery.body,
    });
  } catch (error) {
    if (error instanceof WebhookDestinationRefused) return failed(null, `Not sent: ${error.message}`, true);
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    return failed(null, timedOut ? `No response within ${timeoutMs} ms` : `Request failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  await response.body?.cancel().catch(() => undefined);
  if (response.status >= 200 && response.status < 300) return { outcome: 'delivered', statusCode: response.status };
  if (response.status === 410) return failed(410, 'The receiver answered 410 Gone; it takes no more notices', true);
  return failed(response.status, `The receiver answered ${response.status}${response.status >= 300 && response.status < 400 ? ', a redirect, which is not followed' : ''}`);
}
