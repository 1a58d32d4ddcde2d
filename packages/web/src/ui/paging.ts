import { useCallback, useEffect, useRef, useState } from 'react';
import { api, messageOf, withQuery } from '../api/client.js';
import type { Page, User } from '../api/types.js';

type Query = Record<string, string | number | undefined | null>;

/** The API's largest page. */
export const MAX_PAGE_SIZE = 200;

/**
 * Every item of a paged list endpoint, following `next_cursor` page after page (for lists the app
 * needs whole, such as the names of accounts and staff).
 */
export async function loadAll<T>(path: string, query: Query, signal: AbortSignal): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<T> = await api.get<Page<T>>(withQuery(path, { ...query, limit: MAX_PAGE_SIZE, cursor }), signal);
    items.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor !== null);
  return items;
}

/** Every staff member (agents, managers, admins), without reading the customers. */
export async function loadStaffUsers(signal: AbortSignal): Promise<User[]> {
  const lists = await Promise.all(STAFF_ROLES.map((role) => loadAll<User>('/api/v1/users', { role }, signal)));
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
export function usePaged<T>(path: string, query: Query, pageSize: number): Paged<T> {
  const key = withQuery(path, { ...query, limit: pageSize });
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
    api.get<Page<T>>(key, abort.signal).then(
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
    api.get<Page<T>>(`${key}${key.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(cursor)}`, signal).then(
      (page) => !signal?.aborted && setState((s) => (s.cursor === cursor ? { ...s, items: [...s.items, ...page.items], cursor: page.next_cursor, loadingMore: false } : s)),
      (error: unknown) => !signal?.aborted && setState((s) => ({ ...s, loadingMore: false, moreError: messageOf(error) })),
    );
  }, [key, state.cursor, state.loadingMore]);

  if (!state.done || state.key !== key) return { status: 'loading', reload };
  if (state.error !== null) return { status: 'error', message: state.error, reload };
  return { status: 'ready', items: state.items, more: state.cursor !== null, loadingMore: state.loadingMore, moreError: state.moreError, loadMore, reload };
}
