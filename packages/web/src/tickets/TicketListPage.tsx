import { FormattedMessage, useIntl } from 'react-intl';
import { withQuery } from '../api/client.js';
import type { Ticket } from '../api/types.js';
import { Link, useLocation, useSearch } from 'wouter';
import { useSession } from '../session/session.js';
import { dueStatus, formatInstant, isRunning, zoneLabel } from '../time/format.js';
import { Empty, ErrorNotice, Loading } from '../shared/feedback.js';
import { useNow, usePageTitle } from '../shared/hooks.js';
import { usePaged } from '../shared/paging.js';
import { ticketKeys } from './queries.js';
import { STATUSES, statusLabel } from './labels.js';
import { StatusBadge } from './targets.js';
import { DataTable } from '../shared/DataTable.js';
import { EscalatedBadge } from '../escalation/EscalatedBadge.js';

export function TicketListPage() {
  const intl = useIntl();
  const heading = usePageTitle(intl.formatMessage({ id: 'tickets.list.title' }));
  const { zone } = useSession();
  const now = useNow();
  const [, navigate] = useLocation();
  const status = new URLSearchParams(useSearch()).get('status') ?? '';
  const list = usePaged(ticketKeys.list({ status }), '/api/v1/tickets', { status }, PAGE_SIZE);

  return (
    <div className="page">
      <div className="page-head">
        <h1 ref={heading} tabIndex={-1}>
          <FormattedMessage id="tickets.list.title" />
        </h1>
        <Link to="/portal/new" className="button primary">
          <FormattedMessage id="tickets.list.newTicket" />
        </Link>
      </div>
      <div className="filters">
        <label htmlFor="status-filter">
          <FormattedMessage id="tickets.list.statusFilter" />
        </label>
        <select id="status-filter" value={status} onChange={(e) => navigate(withQuery('/portal', { status: e.target.value }))}>
          <option value="">{intl.formatMessage({ id: 'tickets.list.allStatuses' })}</option>
          {STATUSES.map((id) => (
            <option key={id} value={id}>
              {statusLabel(id)}
            </option>
          ))}
        </select>
      </div>
      <p className="hint">
        <FormattedMessage id="tickets.list.zoneHint" values={{ zone: zoneLabel(zone, now) }} />
      </p>
      {list.status === 'loading' && <Loading label={intl.formatMessage({ id: 'tickets.list.loading' })} />}
      {list.status === 'error' && <ErrorNotice message={intl.formatMessage({ id: 'tickets.list.loadFailed' }, { reason: list.message })} onRetry={list.reload} />}
      {list.status === 'ready' &&
        (list.items.length === 0 ? (
            <Empty>
              <p>{intl.formatMessage({ id: status ? 'tickets.list.emptyFiltered' : 'tickets.list.empty' })}</p>
              <Link to="/portal/new">
                <FormattedMessage id="tickets.list.openTicket" />
              </Link>
            </Empty>
          ) : (
          <>
            <DataTable
              label={intl.formatMessage({ id: 'tickets.list.tableLabel' })}
              caption={intl.formatMessage({ id: 'tickets.list.caption' })}
              className="tickets"
              columns={[
                intl.formatMessage({ id: 'tickets.list.columnTicket' }),
                intl.formatMessage({ id: 'tickets.list.columnStatus' }),
                intl.formatMessage({ id: 'tickets.list.columnPriority' }),
                intl.formatMessage({ id: 'tickets.list.columnDue' }),
              ]}
            >
              {list.items.map((ticket) => (
                <tr key={ticket.id}>
                  <td>
                    <Link to={`/portal/tickets/${ticket.id}`}>
                      <FormattedMessage id="tickets.header.title" values={{ number: ticket.number, subject: ticket.subject }} />
                    </Link>
                    <EscalatedBadge ticket={ticket} />
                  </td>
                  <td>
                    <StatusBadge status={ticket.status} />
                  </td>
                  <td>{ticket.priority}</td>
                  <td>
                    <DueCell ticket={ticket} zone={zone} now={now} />
                  </td>
                </tr>
              ))}
            </DataTable>
            <MoreTickets shown={list.items.length} more={list.more} loadingMore={list.loadingMore} error={list.moreError} onMore={list.loadMore} />
          </>
        ))}
    </div>
  );
}

/** How many tickets one page of the list shows. */
const PAGE_SIZE = 50;

/** Says how many tickets are shown and, while older ones remain, offers the next page. */
function MoreTickets({ shown, more, loadingMore, error, onMore }: { shown: number; more: boolean; loadingMore: boolean; error: string | null; onMore: () => void }) {
  const intl = useIntl();
  return (
    <div className="list-paging">
      <p className="hint" role="status">
        {intl.formatMessage({ id: more ? 'tickets.list.shownNewest' : 'tickets.list.shownAll' }, { count: shown })}
      </p>
      {more && (
        <button type="button" onClick={onMore} disabled={loadingMore}>
          {intl.formatMessage({ id: loadingMore ? 'tickets.list.loadingOlder' : 'tickets.list.showOlder' })}
        </button>
      )}
      {error && <ErrorNotice message={intl.formatMessage({ id: 'tickets.list.olderFailed' }, { reason: error })} onRetry={onMore} />}
    </div>
  );
}

export function DueCell({ ticket, zone, now }: { ticket: Ticket; zone: string; now: number }) {
  if (ticket.targets.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="due-list">
      {ticket.targets.map((target) => {
        const due = dueStatus(target, now);
        return (
          <li key={target.metric}>
            <span className={`due due-${due.tone}`} data-tone={due.tone}>
              {due.text}
            </span>
            {target.due_at && isRunning(target) && (
              <span className="muted">
                {' '}
                <time dateTime={target.due_at}>{formatInstant(target.due_at, zone)}</time>
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
