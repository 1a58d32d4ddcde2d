/** The reads of webhook endpoints and their deliveries; a write to an endpoint invalidates `webhookKeys.all`. */
import { queryOptions } from '@tanstack/react-query';
import { http, ok } from '../api/http.js';

export const webhookKeys = {
  all: ['webhooks'] as const,
  list: ['webhooks', 'list'] as const,
  deliveries: (id: string, limit: number) => ['webhooks', id, 'deliveries', limit] as const,
};

export const webhooksQuery = queryOptions({ queryKey: webhookKeys.list, queryFn: ({ signal }) => ok(http.GET('/api/v1/webhooks', { signal })) });
