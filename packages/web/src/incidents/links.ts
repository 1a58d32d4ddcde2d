/** Linking tickets to incidents (from a ticket's workspace) and unlinking them (from the incident's page). */
import { http, ok } from '../api/http.js';

export function linkTicket(incidentId: string, ticketId: string) {
  return ok(http.POST('/api/v1/incidents/{id}/tickets', { params: { path: { id: incidentId } }, body: { ticket_id: ticketId } }));
}

export function unlinkTicket(incidentId: string, ticketId: string) {
  return ok(http.DELETE('/api/v1/incidents/{id}/tickets/{ticketId}', { params: { path: { id: incidentId, ticketId } } }));
}
