/** Linking tickets to incidents (from a ticket's workspace, or by number from the incident's page) and unlinking them. */
import { http, ok } from '../api/http.js';

export function linkTicket(incidentId: string, ticketId: string) {
  return ok(http.POST('/api/v1/incidents/{id}/tickets', { params: { path: { id: incidentId } }, body: { ticket_id: ticketId } }));
}

/** Links a ticket named by its number (as agents read it, #123) from the incident's page. */
export function linkTicketNumber(incidentId: string, ticketNumber: number) {
  return ok(http.POST('/api/v1/incidents/{id}/tickets', { params: { path: { id: incidentId } }, body: { ticket_number: ticketNumber } }));
}

export function unlinkTicket(incidentId: string, ticketId: string) {
  return ok(http.DELETE('/api/v1/incidents/{id}/tickets/{ticketId}', { params: { path: { id: incidentId, ticketId } } }));
}
