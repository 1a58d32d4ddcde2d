import { describe, expect, it } from 'vitest';
import { ticketPageUrl } from '../../server/src/workflow/template-data.js';
import { CONSOLE_TICKET, matchPath, PORTAL_TICKET } from './routes.js';

const ID = '0b6f3c4e-1111-4222-8333-944445555666';

describe('the ticket links in emails and webhooks', () => {
  it("open the recipient's own ticket page in the web app", () => {
    const customer = new URL(ticketPageUrl('https://desk.example/', ID, 'customer'));
    const staff = new URL(ticketPageUrl('https://desk.example', ID, 'staff'));
    expect(matchPath(PORTAL_TICKET, customer.pathname)).toEqual({ id: ID });
    expect(matchPath(CONSOLE_TICKET, staff.pathname)).toEqual({ id: ID });
    expect(matchPath(CONSOLE_TICKET, customer.pathname)).toBeNull();
  });
});
