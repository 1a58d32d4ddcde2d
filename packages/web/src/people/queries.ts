/** The reads of people (staff, their teams and out-of-office ranges); a write to a person invalidates `peopleKeys.all`. */
import { queryOptions } from '@tanstack/react-query';
import { http, ok } from '../api/http.js';

export const peopleKeys = {
  all: ['people'] as const,
  /** The staff with their teams. */
  staff: ['people', 'staff'] as const,
  outOfOffice: (id: string) => ['people', id, 'out-of-office'] as const,
};

export const outOfOfficeQuery = (id: string) =>
  queryOptions({ queryKey: peopleKeys.outOfOffice(id), queryFn: ({ signal }) => ok(http.GET('/api/v1/users/{id}/out-of-office', { params: { path: { id } }, signal })) });
