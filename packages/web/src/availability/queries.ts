/** The reads of availability; a credit request or a package or fee change invalidates `availabilityKeys.all`. */
import { queryOptions } from '@tanstack/react-query';
import { http, ok } from '../api/http.js';

export const availabilityKeys = {
  all: ['availability'] as const,
  components: (from: string, to: string) => ['availability', 'components', from, to] as const,
  account: (id: string, from: string, to: string) => ['availability', 'account', id, from, to] as const,
  packages: (id: string) => ['availability', 'packages', id] as const,
};

export const componentsAvailabilityQuery = (from: string, to: string) =>
  queryOptions({
    queryKey: availabilityKeys.components(from, to),
    queryFn: ({ signal }) => ok(http.GET('/api/v1/availability', { params: { query: { from, to } }, signal })),
  });

export const accountAvailabilityQuery = (id: string, from: string, to: string) =>
  queryOptions({
    queryKey: availabilityKeys.account(id, from, to),
    queryFn: ({ signal }) => ok(http.GET('/api/v1/accounts/{id}/availability', { params: { path: { id }, query: { from, to } }, signal })),
  });

export const accountPackagesQuery = (id: string) =>
  queryOptions({
    queryKey: availabilityKeys.packages(id),
    queryFn: ({ signal }) => ok(http.GET('/api/v1/accounts/{id}/packages', { params: { path: { id } }, signal })),
  });
