/** The signed-in person's own status subscription; a write to it invalidates `statusSubscriptionKeys.all`. */
import { queryOptions } from '@tanstack/react-query';
import { http, ok } from '../api/http.js';

export const statusSubscriptionKeys = {
  all: ['status-subscription'] as const,
};

export const statusSubscriptionQuery = queryOptions({
  queryKey: statusSubscriptionKeys.all,
  queryFn: ({ signal }) => ok(http.GET('/api/v1/status/subscriptions', { signal })),
});

export type StatusSubscriptionView = Awaited<ReturnType<NonNullable<typeof statusSubscriptionQuery.queryFn>>>;
