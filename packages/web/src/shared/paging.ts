import { type QueryKey, useInfiniteQuery } from '@tanstack/react-query';
import { messageOf } from '../api/client.js';
import { http, ok } from '../api/http.js';
import type { User } from '../api/types.js';
import type { paths } from '../api/schema.gen.js';

/** The API's largest page. */
export const MAX_PAGE_SIZE = 200;

type Get<P extends keyof paths> = NonNullable<paths[P]['get']>;
type Answer<P extends keyof paths> = Get<P> extends { responses: { 200: { content: { 'application/json': infer A } } } } ? A : never;
type WithoutPathParams<P extends keyof paths> = [NonNullable<Get<P>['parameters']['path']>] extends [never] ? P : never;
/** The list endpoints without path parameters that answer a page: `items` and the `next_cursor` of the next one. */
export type PagedPath = { [P in keyof paths]: Answer<P> extends { items: unknown[]; next_cursor: string | null } ? WithoutPathParams<P> : never }[keyof paths];
/** One item of a paged endpoint's answer. */
export type ItemOf<P extends PagedPath> = Answer<P> extends { items: (infer T)[] } ? T : never;
/** The filters of a paged endpoint (its query without the paging itself). */
export type FiltersOf<P extends PagedPath> = Omit<NonNullable<Get<P>['parameters']['query']>, 'limit' | 'cursor'>;

/** One page of `path`, read with the typed client (the path and its filters are checked against the contract by the callers' types). */
async function readPage<P extends PagedPath>(path: P, query: FiltersOf<P> & { limit: number; cursor?: string | null }, signal?: AbortSignal): Promise<{ items: ItemOf<P>[]; next_cursor: string | null }> {
  const filters = Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined && value !== null && value !== ''));
  // One generic call for every paged endpoint: openapi-fetch cannot follow a path that is a type parameter.
  const get = http.GET as unknown as (path: string, init: { params: { query: Record<string, unknown> }; signal?: AbortSignal }) => Promise<{ data?: { items: ItemOf<P>[]; next_cursor: string | null }; error?: unknown; response: Response }>;
  return ok(get(path, { params: { query: filters }, ...(signal && { signal }) }));
}

/**
 * Every item of a paged list endpoint, following `next_cursor` page after page (for lists the app
 * needs whole, such as the names of accounts and staff).
 */
export async function loadAll<P extends PagedPath>(path: P, query: FiltersOf<P>, signal: AbortSignal): Promise<ItemOf<P>[]> {
  const items: ItemOf<P>[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: ItemOf<P>[]; next_cursor: string | null } = await readPage(path, { ...query, limit: MAX_PAGE_SIZE, cursor }, signal);
    items.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor !== null);
  return items;
}

/** Every staff member (agents, managers, admins), without reading the customers. */
export async function loadStaffUsers(signal: AbortSignal): Promise<User[]> {
  const lists = await Promise.all(STAFF_ROLES.map((role) => loadAll('/api/v1/users', { role }, signal)));
  return lists.flat().sort((a, b) => a.name.localeCompare(b.name));
}

const STAFF_ROLES = ['agent', 'manager', 'admin'] as const;

export type Paged<T> =
  | { status: 'loading'; reload(): void }
  | { status: 'error'; message: string; reload(): void }
  | { status: 'ready'; items: T[]; more: boolean; loadingMore: boolean; moreError: string | null; loadMore(): void; reload(): void };

/**
 * A list read page by page under `queryKey` (its resource and filters): the first page at once, the
 * next one (from the last page's cursor) when `loadMore()` is called.
 */
export function usePaged<P extends PagedPath>(queryKey: QueryKey, path: P, query: FiltersOf<P>, pageSize: number): Paged<ItemOf<P>> {
  const list = useInfiniteQuery({
    queryKey: [...queryKey, { pageSize }],
    queryFn: ({ pageParam, signal }) => readPage(path, { ...query, limit: pageSize, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next_cursor,
  });
  const reload = () => void list.refetch();
  if (list.isPending || (list.isError && !list.isFetchNextPageError && list.isFetching)) return { status: 'loading', reload };
  if (list.isError && !list.isFetchNextPageError) return { status: 'error', message: messageOf(list.error), reload };
  return {
    status: 'ready',
    items: list.data?.pages.flatMap((page) => page.items) ?? [],
    more: list.hasNextPage,
    loadingMore: list.isFetchingNextPage,
    moreError: list.isFetchNextPageError ? messageOf(list.error) : null,
    loadMore: () => {
      if (!list.isFetchingNextPage) void list.fetchNextPage();
    },
    reload,
  };
}
