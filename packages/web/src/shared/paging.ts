import { useCallback, useEffect, useRef, useState } from 'react';
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
 * A list read page by page: the first page at once, the next one (from the last page's cursor) when
 * `loadMore()` is called. Starts again when `key` changes (other filters).
 */
export function usePaged<P extends PagedPath>(path: P, query: FiltersOf<P>, pageSize: number): Paged<ItemOf<P>> {
  type T = ItemOf<P>;
  const key = JSON.stringify([path, query, pageSize]);
  const [state, setState] = useState<{ key: string; items: T[]; cursor: string | null; error: string | null; done: boolean; loadingMore: boolean; moreError: string | null }>({
    key: '',
    items: [],
    cursor: null,
    error: null,
    done: false,
    loadingMore: false,
    moreError: null,
  });
  const [round, setRound] = useState(0);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    controller.current?.abort();
    controller.current = abort;
    setState({ key: '', items: [], cursor: null, error: null, done: false, loadingMore: false, moreError: null });
    readPage(path, { ...query, limit: pageSize }, abort.signal).then(
      (page) => !abort.signal.aborted && setState({ key, items: page.items, cursor: page.next_cursor, error: null, done: true, loadingMore: false, moreError: null }),
      (error: unknown) => !abort.signal.aborted && setState((s) => ({ ...s, key, error: messageOf(error), done: true })),
    );
    return () => abort.abort();
  }, [key, round]);

  const reload = useCallback(() => setRound((r) => r + 1), []);
  const loadMore = useCallback(() => {
    const cursor = state.cursor;
    if (cursor === null || state.loadingMore) return;
    const signal = controller.current?.signal;
    setState((s) => ({ ...s, loadingMore: true, moreError: null }));
    readPage(path, { ...query, limit: pageSize, cursor }, signal).then(
      (page) => !signal?.aborted && setState((s) => (s.cursor === cursor ? { ...s, items: [...s.items, ...page.items], cursor: page.next_cursor, loadingMore: false } : s)),
      (error: unknown) => !signal?.aborted && setState((s) => ({ ...s, loadingMore: false, moreError: messageOf(error) })),
    );
  }, [key, state.cursor, state.loadingMore]);

  if (!state.done || state.key !== key) return { status: 'loading', reload };
  if (state.error !== null) return { status: 'error', message: state.error, reload };
  return { status: 'ready', items: state.items, more: state.cursor !== null, loadingMore: state.loadingMore, moreError: state.moreError, loadMore, reload };
}
