/** The reads of tickets, under one key tree: a write to a ticket invalidates `ticketKeys.all`. */
import { queryOptions } from '@tanstack/react-query';
import { http, ok } from '../api/http.js';

export const ticketKeys = {
  /** Every ticket read: lists, the queue, each ticket and what belongs to it. */
  all: ['tickets'] as const,
  list: (filters: Record<string, string>) => ['tickets', 'list', filters] as const,
  queue: (filters: Record<string, string>) => ['tickets', 'queue', filters] as const,
  detail: (id: string) => ['tickets', 'detail', id] as const,
  comments: (id: string) => ['tickets', 'detail', id, 'comments'] as const,
  attachments: (id: string) => ['tickets', 'detail', id, 'attachments'] as const,
  events: (id: string) => ['tickets', 'detail', id, 'events'] as const,
  intake: (id: string, updatedAt: string) => ['tickets', 'detail', id, 'intake', updatedAt] as const,
  explain: (id: string, metric: string, dueAt: string) => ['tickets', 'detail', id, 'explain', metric, dueAt] as const,
};

export const ticketQuery = (id: string) =>
  queryOptions({ queryKey: ticketKeys.detail(id), queryFn: ({ signal }) => ok(http.GET('/api/v1/tickets/{id}', { params: { path: { id } }, signal })) });

export const commentsQuery = (id: string) =>
  queryOptions({ queryKey: ticketKeys.comments(id), queryFn: ({ signal }) => ok(http.GET('/api/v1/tickets/{id}/comments', { params: { path: { id } }, signal })) });

export const attachmentsQuery = (id: string) =>
  queryOptions({ queryKey: ticketKeys.attachments(id), queryFn: ({ signal }) => ok(http.GET('/api/v1/tickets/{id}/attachments', { params: { path: { id } }, signal })) });

export const eventsQuery = (id: string) =>
  queryOptions({ queryKey: ticketKeys.events(id), queryFn: ({ signal }) => ok(http.GET('/api/v1/tickets/{id}/events', { params: { path: { id } }, signal })) });

export const explainQuery = (id: string, metric: string, dueAt: string) =>
  queryOptions({
    queryKey: ticketKeys.explain(id, metric, dueAt),
    queryFn: ({ signal }) => ok(http.GET('/api/v1/tickets/{id}/targets/{metric}/explain', { params: { path: { id, metric } }, signal })),
  });
