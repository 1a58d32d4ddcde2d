/**
 * The security headers of the public status answers, made once. The desk's headers come from
 * @fastify/helmet, which builds its middleware anew on every request; the status routes skip it (they
 * must answer tens of thousands of requests a second) and send the same headers, precomputed: the
 * desk's Content-Security-Policy, with the status page's inline style sheet allowed by its hash only,
 * and helmet's other headers as the desk configures them (a test compares them with another route's).
 */
import { APP_CSP_DIRECTIVES } from '../http/security/headers.js';
import { STATUS_CSS_HASH } from './html-layout.js';

function csp(directives: Record<string, string[]>): string {
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join(';');
}

const COMMON: Record<string, string> = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'same-origin',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'DENY',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};

/** The HTML pages: the desk's policy, plus the page's own style sheet by hash. */
export const PAGE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': csp({ ...APP_CSP_DIRECTIVES, 'style-src': [...APP_CSP_DIRECTIVES['style-src'], STATUS_CSS_HASH] }),
  ...COMMON,
};

/**
 * The JSON and the feeds: the desk's policy; any site may read them (public data, no credentials),
 * as status widgets and aggregators do.
 */
export const DATA_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': csp(APP_CSP_DIRECTIVES),
  ...COMMON,
  'cross-origin-resource-policy': 'cross-origin',
  'access-control-allow-origin': '*',
};
