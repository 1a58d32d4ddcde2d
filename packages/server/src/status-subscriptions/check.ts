/**
 * Checks a subscription request as it came (a form's fields or JSON), whatever its shape: which kind,
 * the address or URL, and the components. Problems are catalog messages at field paths, so the page
 * and the API show them in the reader's language.
 */
import type { LocalizedText } from '../errors.js';
import { checkWebhookDestination, checkWebhookEndpoint, type WebhookGuard } from '../notify/index.js';
import { type ChoosableComponent, unknownComponents } from './components.js';

export interface SubscriptionRequest {
  kind: 'email' | 'webhook';
  email: string | null;
  url: string | null;
  /** null: all components. */
  componentIds: string[] | null;
}

export interface FieldProblem {
  path: string;
  text: LocalizedText;
}

/** What a form or JSON body may carry; anything else is ignored. */
export interface RawRequest {
  kind?: unknown;
  email?: unknown;
  url?: unknown;
  /** `all` (the default) or `chosen` (the form's radio); JSON says null or a list in component_ids. */
  components?: unknown;
  component_ids?: unknown;
}

const ADDRESS = /^[^\s@<>()",;:\\]+@[^\s@<>()",;:\\]+\.[^\s@<>()",;:\\]+$/;
export const MAX_COMPONENTS = 200;

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

export const isEmailAddress = (value: string): boolean => value.length <= 254 && ADDRESS.test(value);

export async function checkSubscription(raw: RawRequest, components: readonly ChoosableComponent[], guard: WebhookGuard): Promise<{ ok: true; value: SubscriptionRequest } | { ok: false; problems: FieldProblem[] }> {
  const problems: FieldProblem[] = [];
  const email = text(raw.email);
  const url = text(raw.url);
  const kind = raw.kind === 'email' || raw.kind === 'webhook' ? raw.kind : raw.kind === undefined || raw.kind === '' ? (email ? 'email' : url ? 'webhook' : null) : null;
  if (kind === null) problems.push({ path: 'kind', text: { id: 'status-subscriptions.error.kindMissing' } });
  if (kind === 'email' && !isEmailAddress(email)) problems.push({ path: 'email', text: { id: 'status-subscriptions.error.emailInvalid' } });
  if (kind === 'webhook') {
    const malformed = url.length > 2000 || checkWebhookEndpoint({ url, secret: 'x'.repeat(32) }).length > 0;
    if (malformed) problems.push({ path: 'url', text: { id: 'status-subscriptions.error.urlInvalid' } });
    else if ((await checkWebhookDestination(url, guard)) !== null) problems.push({ path: 'url', text: { id: 'status-subscriptions.error.urlRefused' } });
  }
  let componentIds: string[] | null = null;
  const listed = raw.component_ids === undefined || raw.component_ids === null ? [] : Array.isArray(raw.component_ids) ? raw.component_ids : [raw.component_ids];
  const chosen = raw.components === 'chosen' || (raw.components === undefined && raw.component_ids !== undefined && raw.component_ids !== null);
  if (chosen) {
    const ids = [...new Set(listed.map(text).filter((id) => id !== ''))];
    if (ids.length === 0) problems.push({ path: 'component_ids', text: { id: 'status-subscriptions.error.componentsMissing' } });
    else if (ids.length > MAX_COMPONENTS || listed.some((id) => typeof id !== 'string')) problems.push({ path: 'component_ids', text: { id: 'status-subscriptions.error.componentUnknown' } });
    else for (const i of unknownComponents(components, ids)) problems.push({ path: `component_ids.${i}`, text: { id: 'status-subscriptions.error.componentUnknown' } });
    componentIds = ids;
  }
  if (problems.length > 0 || kind === null) return { ok: false, problems };
  return { ok: true, value: { kind, email: kind === 'email' ? email : null, url: kind === 'webhook' ? url : null, componentIds } };
}
