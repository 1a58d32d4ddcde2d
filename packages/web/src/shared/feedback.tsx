import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { messageOf } from '../api/client.js';

/** A loading notice; `label` is the page's own sentence (`Loading your tickets…`), else `Loading…`. */
export function Loading({ label }: { label?: string }) {
  const intl = useIntl();
  return (
    <p className="loading" role="status">
      {label ?? intl.formatMessage({ id: 'shared.feedback.loading' })}
    </p>
  );
}

/** An error in words; `issues` lists the service's problems that no field of the form shows. */
export function ErrorNotice({ message, onRetry, issues = [] }: { message: string; onRetry?: () => void; issues?: readonly { path: string; message: string }[] }) {
  const intl = useIntl();
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
          {intl.formatMessage({ id: 'shared.feedback.tryAgain' })}
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="empty">{children}</div>;
}

/**
 * Renders the loading and error states of a read, and `children(data)` once the data is there.
 * `label` is the loading sentence (see {@link Loading}); a failure says so, with the reason.
 */
export function Await<T>({ query, label, children }: { query: UseQueryResult<T>; label?: string; children: (data: T) => ReactNode }) {
  const intl = useIntl();
  if (query.isPending || (query.isError && query.isFetching)) return <Loading {...(label !== undefined && { label })} />;
  if (query.isError) {
    return <ErrorNotice message={intl.formatMessage({ id: 'shared.feedback.loadFailed' }, { reason: messageOf(query.error) })} onRetry={() => void query.refetch()} />;
  }
  return <>{children(query.data)}</>;
}
