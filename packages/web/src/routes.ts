/**
 * The addresses of the pages that other parts of the desk link to (emails and webhooks link a
 * ticket's page: the portal's for customers, the console's for staff). The area route tables in
 * app/ route them with wouter.
 */
export const PORTAL_TICKET = '/portal/tickets/:id';
export const CONSOLE_TICKET = '/console/tickets/:id';
