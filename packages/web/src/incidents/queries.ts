/**
 * The reads of components and incidents, under two key trees: a write to an incident (its updates,
 * tickets, RFO) invalidates `incidentKeys.all`; a write to components or groups `componentKeys.all`
 * (and the incidents, which name the components' statuses).
 */
import { queryOptions } from '@tanstack/react-query';
import { http, ok } from '../api/http.js';

export type IncidentState = 'unresolved' | 'resolved' | 'all';

export const incidentKeys = {
  all: ['incidents'] as const,
  list: (state: IncidentState) => ['incidents', 'list', state] as const,
  detail: (id: string) => ['incidents', 'detail', id] as const,
  tickets: (id: string) => ['incidents', 'detail', id, 'tickets'] as const,
  ofTicket: (ticketId: string) => ['incidents', 'of-ticket', ticketId] as const,
  active: (product: string) => ['incidents', 'active', product] as const,
};

export const componentKeys = {
  all: ['status-components'] as const,
};

/** Known issues refresh while the new ticket form stays open. */
const ACTIVE_REFRESH_MS = 60_000;

export const componentsQuery = queryOptions({ queryKey: componentKeys.all, queryFn: ({ signal }) => ok(http.GET('/api/v1/status/components', { signal })) });

export const incidentsQuery = (state: IncidentState) =>
  queryOptions({ queryKey: incidentKeys.list(state), queryFn: ({ signal }) => ok(http.GET('/api/v1/incidents', { params: { query: { state } }, signal })) });

export const incidentQuery = (id: string) =>
  queryOptions({ queryKey: incidentKeys.detail(id), queryFn: ({ signal }) => ok(http.GET('/api/v1/incidents/{id}', { params: { path: { id } }, signal })) });

export const incidentTicketsQuery = (id: string) =>
  queryOptions({ queryKey: incidentKeys.tickets(id), queryFn: ({ signal }) => ok(http.GET('/api/v1/incidents/{id}/tickets', { params: { path: { id } }, signal })) });

export const ticketIncidentsQuery = (ticketId: string) =>
  queryOptions({ queryKey: incidentKeys.ofTicket(ticketId), queryFn: ({ signal }) => ok(http.GET('/api/v1/tickets/{id}/incidents', { params: { path: { id: ticketId } }, signal })) });

/** Published unresolved incidents on the components serving `product` (an intake form id; all when empty). */
export const activeIncidentsQuery = (product: string) =>
  queryOptions({
    queryKey: incidentKeys.active(product),
    queryFn: ({ signal }) => ok(http.GET('/api/v1/status/active-incidents', { params: { query: product ? { product } : {} }, signal })),
    refetchInterval: ACTIVE_REFRESH_MS,
  });
