import { useCallback, useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { ActionKey } from '../api/client.js';
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

/** Sets the document title and moves focus to the page's main heading when a page opens. */
export function usePageTitle(title: string): (element: HTMLHeadingElement | null) => void {
  const intl = useIntl();
  const full = intl.formatMessage({ id: 'shared.page.documentTitle' }, { title });
  useEffect(() => {
    document.title = full;
  }, [full]);
  return useCallback((element: HTMLHeadingElement | null) => {
    if (element && document.activeElement === document.body) element.focus({ preventScroll: true });
  }, []);
}
