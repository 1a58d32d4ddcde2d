import { parse } from 'regexparam';
import { matchRoute } from 'wouter';
import { describe, expect, it } from 'vitest';
import { ticketPageUrl } from '../../server/src/workflow/template-data.js';
import { CONSOLE_TICKET, PORTAL_TICKET } from './routes.js';

const ID = '0b6f3c4e-1111-4222-8333-944445555666';

/** The route's parameters as the router reads them from `path` (wouter's own pattern parser), or null. */
function match(pattern: string, path: string): Record<string, string | undefined> | null {
  const [matched, params] = matchRoute(parse, pattern, path);
  return matched ? { ...params } : null;
}

describe('the ticket links in emails and webhooks', () => {
  it("open the recipient's own ticket page in the web app", () => {
    const customer = new URL(ticketPageUrl('https://desk.example/', ID, 'customer'));
    const staff = new URL(ticketPageUrl('https://desk.example', ID, 'staff'));
    expect(match(PORTAL_TICKET, customer.pathname)).toMatchObject({ id: ID });
    expect(match(CONSOLE_TICKET, staff.pathname)).toMatchObject({ id: ID });
    expect(match(CONSOLE_TICKET, customer.pathname)).toBeNull();
  });
});
