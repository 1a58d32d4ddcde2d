/** The reads of policy packs, their calendars and intake forms (read-only in the app). */
import { queryOptions } from '@tanstack/react-query';
import { http, ok } from '../api/http.js';

export const policyKeys = {
  all: ['policies'] as const,
  list: ['policies', 'list'] as const,
  detail: (pack: string) => ['policies', 'detail', pack] as const,
  openPeriods: (pack: string, calendar: string, from: string | undefined, days: number) => ['policies', 'detail', pack, 'open-periods', calendar, from ?? 'now', days] as const,
  intakeForms: (pack: string, at?: string) => ['policies', 'detail', pack, 'intake-forms', at ?? 'now'] as const,
};

/** A pack's versions change rarely: read them again after five minutes at most. */
const PACK_STALE_MS = 5 * 60_000;

export const policiesQuery = queryOptions({ queryKey: policyKeys.list, queryFn: ({ signal }) => ok(http.GET('/api/v1/policies', { signal })), staleTime: PACK_STALE_MS });

export const policyQuery = (pack: string) =>
  queryOptions({ queryKey: policyKeys.detail(pack), queryFn: ({ signal }) => ok(http.GET('/api/v1/policies/{pack}', { params: { path: { pack } }, signal })), staleTime: PACK_STALE_MS });

export const intakeFormsQuery = (pack: string, at?: string) =>
  queryOptions({
    queryKey: policyKeys.intakeForms(pack, at),
    queryFn: ({ signal }) => ok(http.GET('/api/v1/intake-forms', { params: { query: { pack, ...(at !== undefined && { at }) } }, signal })),
  });

/** A calendar's open periods for `days` days from `from` (from now when left out). */
export const openPeriodsQuery = (pack: string, calendar: string, query: { from?: string; days: number }) =>
  queryOptions({
    queryKey: policyKeys.openPeriods(pack, calendar, query.from, query.days),
    queryFn: ({ signal }) => ok(http.GET('/api/v1/policies/{pack}/calendars/{calendar}/open-periods', { params: { path: { pack, calendar }, query }, signal })),
  });
