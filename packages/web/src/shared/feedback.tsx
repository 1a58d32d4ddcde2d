import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { messageOf } from '../api/client.js';

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

/** Renders the loading and error states of a read, and `children(data)` once the data is there. */
export function Await<T>({ query, what, children }: { query: UseQueryResult<T>; what: string; children: (data: T) => ReactNode }) {
  if (query.isPending || (query.isError && query.isFetching)) return <Loading what={what} />;
  if (query.isError) return <ErrorNotice message={`Could not load ${what}: ${messageOf(query.error)}`} onRetry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}
