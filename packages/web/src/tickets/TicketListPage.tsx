import { withQuery } from '../api/client.js';
import type { Ticket } from '../api/types.js';
import { Link, useLocation, useSearch } from 'wouter';
import { useSession } from '../session/session.js';
import { dueStatus, formatInstant, isRunning, zoneLabel } from '../time/format.js';
import { Empty, ErrorNotice, Loading } from '../shared/feedback.js';
import { useNow, usePageTitle } from '../shared/hooks.js';
import { usePaged } from '../shared/paging.js';
import { ticketKeys } from './queries.js';
import { STATUS_LABELS } from './labels.js';
import { StatusBadge } from './targets.js';
import { DataTable } from '../shared/DataTable.js';
import { EscalatedBadge } from '../escalation/EscalatedBadge.js';

export function TicketListPage() {
  const heading = usePageTitle('My tickets');
  const { zone } = useSession();
  const now = useNow();
  const [, navigate] = useLocation();
  const status = new URLSearchParams(useSearch()).get('status') ?? '';
  const list = usePaged(ticketKeys.list({ status }), '/api/v1/tickets', { status }, PAGE_SIZE);

  return (
    <div className="page">
      <div className="page-head">
        <h1 ref={heading} tabIndex={-1}>
          My tickets
        </h1>
        <Link to="/portal/new" className="button primary">
          New ticket
        </Link>
      </div>
      <div className="filters">
        <label htmlFor="status-filter">Status</label>
        <select id="status-filter" value={status} onChange={(e) => navigate(withQuery('/portal', { status: e.target.value }))}>
          <option value="">All</option>
          {Object.entries(STATUS_LABELS).map(([id, label]) => (
            <option key={id} value={id}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <p className="hint">Times are in your zone, {zoneLabel(zone, now)}.</p>
      {list.status === 'loading' && <Loading />}
      {list.status === 'error' && <ErrorNotice message={`Could not load your tickets: ${list.message}`} onRetry={list.reload} />}
      {list.status === 'ready' &&
        (list.items.length === 0 ? (
            <Empty>
              <p>{status ? 'No tickets with this status.' : 'You have no tickets yet.'}</p>
              <Link to="/portal/new">Open a ticket</Link>
            </Empty>
          ) : (
          <>
            <DataTable label="Ticket list" caption="Your account's tickets, newest first" className="tickets" columns={['Ticket', 'Status', 'Priority', 'Response due']}>
              {list.items.map((ticket) => (
                <tr key={ticket.id}>
                  <td>
                    <Link to={`/portal/tickets/${ticket.id}`}>
                      #{ticket.number} {ticket.subject}
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
  return (
    <div className="list-paging">
      <p className="hint" role="status">
        {more ? `Showing the newest ${shown} tickets; older ones follow.` : `Showing all ${shown} ${shown === 1 ? 'ticket' : 'tickets'}.`}
      </p>
      {more && (
        <button type="button" onClick={onMore} disabled={loadingMore}>
          {loadingMore ? 'Loading older tickets…' : 'Show older tickets'}
        </button>
      )}
      {error && <ErrorNotice message={`Could not load older tickets: ${error}`} onRetry={onMore} />}
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
