/**
 * The addresses of the pages that other parts of the desk link to (emails and webhooks link a
 * ticket's page: the portal's for customers, the console's for staff). The area route tables in
 * app/ route them with wouter.
 */
export const PORTAL_TICKET = '/portal/tickets/:id';
export const CONSOLE_TICKET = '/console/tickets/:id';
/** An account's attainment and credits (admin); the admin's account list links to it. */
export const ADMIN_ACCOUNT_AVAILABILITY = '/admin/accounts/:id/availability';
