/**
 * The addresses of the pages that other parts of the desk link to (emails and webhooks link a
 * ticket's page: the portal's for customers, the console's for staff).
 */
export const PORTAL_TICKET = '/portal/tickets/:id';
export const CONSOLE_TICKET = '/console/tickets/:id';

/** `/portal/tickets/:id` against `/portal/tickets/42` → `{ id: '42' }`; null when it does not match. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const h = have[i]!;
    if (w.startsWith(':')) params[w.slice(1)] = decodeURIComponent(h);
    else if (w !== h) return null;
  }
  return params;
}
