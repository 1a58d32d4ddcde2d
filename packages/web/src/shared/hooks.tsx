import { type DependencyList, useCallback, useEffect, useRef, useState } from 'react';
import { ActionKey, messageOf } from '../api/client.js';
import { serverNow } from '../time/server-clock.js';

/** The Idempotency-Key keeper of one user action of a component (a form), kept across re-renders. */
export function useActionKey(): ActionKey {
  const ref = useRef<ActionKey | null>(null);
  ref.current ??= new ActionKey();
  return ref.current;
}

/** The service's clock (see time/server-clock.ts), re-read every `intervalMs` so countdowns move. */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(serverNow()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}

export type Loaded<T> =
  | { status: 'loading'; reload(): void }
  | { status: 'error'; message: string; reload(): void }
  | { status: 'ready'; data: T; reload(): void; replace(data: T): void };

/** Loads data for a page; re-runs when `deps` change; `reload()` fetches again. */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList): Loaded<T> {
  const [state, setState] = useState<{ status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: T }>({ status: 'loading' });
  const [round, setRound] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    const controller = new AbortController();
    loadRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'ready', data });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', message: messageOf(error) });
      },
    );
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  const replace = useCallback((data: T) => setState({ status: 'ready', data }), []);
  if (state.status === 'ready') return { status: 'ready', data: state.data, reload, replace };
  if (state.status === 'error') return { status: 'error', message: state.message, reload };
  return { status: 'loading', reload };
}

/** Sets the document title and moves focus to the page's main heading when a page opens. */
export function usePageTitle(title: string): (element: HTMLHeadingElement | null) => void {
  useEffect(() => {
    document.title = `${title} · Hourglass`;
  }, [title]);
  return useCallback((element: HTMLHeadingElement | null) => {
    if (element && document.activeElement === document.body) element.focus({ preventScroll: true });
  }, []);
}
