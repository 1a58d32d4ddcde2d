/** The reads of customer accounts; a write to an account invalidates `accountKeys.all`. */
import { queryOptions } from '@tanstack/react-query';
import { http, ok } from '../api/http.js';

export const accountKeys = {
  all: ['accounts'] as const,
  /** The admin's account list, with the staff, teams and packs it names. */
  admin: ['accounts', 'admin'] as const,
  detail: (id: string) => ['accounts', 'detail', id] as const,
};

export const accountQuery = (id: string) =>
  queryOptions({ queryKey: accountKeys.detail(id), queryFn: ({ signal }) => ok(http.GET('/api/v1/accounts/{id}', { params: { path: { id } }, signal })) });
