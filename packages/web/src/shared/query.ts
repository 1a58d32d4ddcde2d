/**
 * How the app reads and caches the API's data: one {@link QueryClient} for the whole app (TanStack
 * Query), reads retried only when trying again can help, and writes that refresh what they changed.
 */
import { QueryClient, type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/client.js';

/** How many times a failed read is tried again. */
export const READ_RETRIES = 2;

/**
 * Whether a failed read is worth another try: the server could not be reached, or it failed (5xx).
 * A refusal (4xx) will be refused again, so it is shown at once.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= READ_RETRIES) return false;
  return error instanceof ApiError && (error.status === 0 || error.status >= 500);
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Pages refresh after every write and where they poll; a window regaining focus is no reason to.
      queries: { retry: shouldRetry, refetchOnWindowFocus: false },
      // A write is never repeated on its own: the person repeats it, with the action's Idempotency-Key.
      mutations: { retry: false },
    },
  });
}

/**
 * A write that refreshes the reads it affects: once `write` succeeds, every query under each of
 * `affects` is invalidated (and the ones on screen read again before the write counts as done).
 */
export function useWrite<Args, Result>(write: (args: Args) => Promise<Result>, affects: (result: Result, args: Args) => readonly QueryKey[]) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (result, args) => Promise.all(affects(result, args).map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}
