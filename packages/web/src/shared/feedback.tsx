import type { ReactNode } from 'react';
import type { Loaded } from './hooks.js';

export function Loading({ what }: { what: string }) {
  return (
    <p className="loading" role="status">
      Loading {what}…
    </p>
  );
}

/** An error in words; `issues` lists the service's problems that no field of the form shows. */
export function ErrorNotice({ message, onRetry, issues = [] }: { message: string; onRetry?: () => void; issues?: readonly { path: string; message: string }[] }) {
  return (
    <div className="notice notice-error" role="alert">
      <p>{message}</p>
      {issues.length > 0 && (
        <ul>
          {issues.map((issue) => (
            <li key={issue.path + issue.message}>{issue.message}</li>
          ))}
        </ul>
      )}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="empty">{children}</div>;
}

/** Renders loading and error states of `loaded`, and `children(data)` once it is there. */
export function Await<T>({ loaded, what, children }: { loaded: Loaded<T>; what: string; children: (data: T) => ReactNode }) {
  if (loaded.status === 'loading') return <Loading what={what} />;
  if (loaded.status === 'error') return <ErrorNotice message={`Could not load ${what}: ${loaded.message}`} onRetry={loaded.reload} />;
  return <>{children(loaded.data)}</>;
}
