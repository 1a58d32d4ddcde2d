import { useQuery } from '@tanstack/react-query';
import { memo, useEffect } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useLocation, useSearch } from 'wouter';
import { withQuery } from '../api/client.js';
import { http, ok } from '../api/http.js';
import type { paths } from '../api/schema.gen.js';
import type { Target, Ticket } from '../api/types.js';
import { useSession } from '../session/session.js';
import { dueStatus, formatInstant, isRunning, zoneLabel } from '../time/format.js';
import { Await, Empty } from '../shared/feedback.js';
import { useNow, usePageTitle } from '../shared/hooks.js';
import { MAX_PAGE_SIZE } from '../shared/paging.js';
import { statusLabel } from './labels.js';
import { StatusBadge } from './targets.js';
import { type Directory, directoryQuery } from '../shared/directory.js';
import { ticketKeys } from './queries.js';
import { SavedViews } from './SavedViews.js';
import { DataTable } from '../shared/DataTable.js';
import { EscalatedBadge } from '../escalation/EscalatedBadge.js';
import { escalationTargets } from '../escalation/status.js';

const FILTERS = ['assignee', 'account', 'priority', 'status', 'language', 'breach', 'q'] as const;
type FilterName = (typeof FILTERS)[number];

/** The SLA filter's choices, as the queue's `breach` parameter names them. */
const BREACH_FILTERS = ['breached', 'at_risk', 'on_track', 'none'] as const satisfies readonly NonNullable<QueueFilters['breach']>[];

/** The statuses of unsolved tickets, which the queue holds. */
const UNSOLVED = ['new', 'open', 'pending', 'on_hold'] as const;

export function QueuePage() {
  const intl = useIntl();
  const heading = usePageTitle(intl.formatMessage({ id: 'tickets.queue.title' }));
  const { user, zone } = useSession();
  const now = useNow();
  const [, navigate] = useLocation();
  const query = new URLSearchParams(useSearch());
  const filter = Object.fromEntries(FILTERS.map((name) => [name, query.get(name) ?? ''])) as Record<FilterName, string>;
  const assigneeId = filter.assignee === 'mine' ? user.id : filter.assignee === 'none' ? 'none' : '';
  const apiQuery = { assignee_id: assigneeId, account_id: filter.account, priority: filter.priority, breach: filter.breach, q: filter.q };
  // The queue is read again every minute while it is open: new tickets come in, assignments change.
  const queue = useQuery({ queryKey: ticketKeys.queue(apiQuery), queryFn: ({ signal }) => loadQueue(apiQuery, signal), refetchInterval: QUEUE_POLL_MS });
  const directory = useQuery(directoryQuery);

  const setFilter = (name: FilterName, value: string) => {
    const next = { ...filter, [name]: value };
    navigate(withQuery('/console', next), { replace: true });
  };

  return (
    <div className="page wide">
      <div className="page-head">
        <h1 ref={heading} tabIndex={-1}>
          <FormattedMessage id="tickets.queue.title" />
        </h1>
        <p className="hint">
          <FormattedMessage id="tickets.queue.hint" values={{ zone: zoneLabel(zone, now) }} />
        </p>
      </div>
      <form className="filters" role="search" aria-label={intl.formatMessage({ id: 'tickets.queue.filters' })} onSubmit={(e) => e.preventDefault()}>
        <div className="field-inline">
          <label htmlFor="f-assignee">
            <FormattedMessage id="tickets.queue.assignee" />
          </label>
          <select id="f-assignee" value={filter.assignee} onChange={(e) => setFilter('assignee', e.target.value)}>
            <option value="">{intl.formatMessage({ id: 'tickets.queue.everyone' })}</option>
            <option value="mine">{intl.formatMessage({ id: 'tickets.queue.mine' })}</option>
            <option value="none">{intl.formatMessage({ id: 'tickets.queue.unassigned' })}</option>
          </select>
        </div>
        <div className="field-inline">
          <label htmlFor="f-account">
            <FormattedMessage id="tickets.queue.account" />
          </label>
          <select id="f-account" value={filter.account} onChange={(e) => setFilter('account', e.target.value)}>
            <option value="">{intl.formatMessage({ id: 'tickets.queue.allAccounts' })}</option>
            {directory.data &&
              [...directory.data.accounts.values()].map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
          </select>
        </div>
        <div className="field-inline">
          <label htmlFor="f-priority">
            <FormattedMessage id="tickets.queue.priority" />
          </label>
          <input id="f-priority" type="text" size={8} placeholder={intl.formatMessage({ id: 'tickets.queue.priorityPlaceholder' })} value={filter.priority} onChange={(e) => setFilter('priority', e.target.value.trim())} />
        </div>
        <div className="field-inline">
          <label htmlFor="f-status">
            <FormattedMessage id="tickets.queue.status" />
          </label>
          <select id="f-status" value={filter.status} onChange={(e) => setFilter('status', e.target.value)}>
            <option value="">{intl.formatMessage({ id: 'tickets.queue.anyUnsolved' })}</option>
            {UNSOLVED.map((s) => (
              <option key={s} value={s}>
                {statusLabel(s, true)}
              </option>
            ))}
          </select>
        </div>
        <div className="field-inline">
          <label htmlFor="f-language">
            <FormattedMessage id="tickets.queue.language" />
          </label>
          <input id="f-language" type="text" size={6} placeholder={intl.formatMessage({ id: 'tickets.queue.languagePlaceholder' })} value={filter.language} onChange={(e) => setFilter('language', e.target.value.trim())} />
        </div>
        <div className="field-inline">
          <label htmlFor="f-breach">
            <FormattedMessage id="tickets.queue.sla" />
          </label>
          <select id="f-breach" value={filter.breach} onChange={(e) => setFilter('breach', e.target.value)}>
            <option value="">{intl.formatMessage({ id: 'tickets.queue.anySla' })}</option>
            {BREACH_FILTERS.map((id) => (
              <option key={id} value={id}>
                {intl.formatMessage({ id: 'tickets.queue.breach' }, { breach: id })}
              </option>
            ))}
          </select>
        </div>
        <div className="field-inline">
          <label htmlFor="f-q">
            <FormattedMessage id="tickets.queue.search" />
          </label>
          <input id="f-q" type="search" value={filter.q} onChange={(e) => setFilter('q', e.target.value)} />
        </div>
      </form>
      <SavedViews userId={user.id} query={withQuery('', filter).replace(/^\?/, '')} />
      <Await query={queue} label={intl.formatMessage({ id: 'tickets.queue.loading' })}>
        {({ items, more }) => (
          <>
            {more && (
              <p className="notice notice-warning" role="status">
                <FormattedMessage id="tickets.queue.truncated" values={{ count: items.length }} />
              </p>
            )}
            <QueueTable
              tickets={items.filter((t) => (!filter.status || t.status === filter.status) && (!filter.language || t.language === filter.language))}
              directory={directory.data ?? null}
              zone={zone}
              now={now}
            />
          </>
        )}
      </Await>
    </div>
  );
}

/** How often the open queue is read again. */
const QUEUE_POLL_MS = 60_000;

type QueueFilters = NonNullable<paths['/api/v1/queue']['get']['parameters']['query']>;

/** How many pages of the API's largest size the queue reads at most (5,000 tickets). */
const MAX_PAGES = 25;

/** Every page of the queue, in order, up to MAX_PAGES; `more` when the queue goes on. */
async function loadQueue(query: Record<string, string>, signal: AbortSignal): Promise<{ items: Ticket[]; more: boolean }> {
  // The filters as the page's address gives them (empty ones left out): the service checks their values.
  const filters = Object.fromEntries(Object.entries(query).filter(([, value]) => value !== '')) as QueueFilters;
  const items: Ticket[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await ok(http.GET('/api/v1/queue', { params: { query: { ...filters, limit: MAX_PAGE_SIZE, ...(cursor !== undefined && { cursor }) } }, signal }));
    items.push(...answer.items);
    cursor = answer.next_cursor ?? undefined;
    if (cursor === undefined) break;
  }
  mark('hourglass:queue-loaded');
  return { items, more: cursor !== undefined };
}

/** A User Timing mark (seen in the browser's performance tools); ignored where unsupported. */
function mark(name: string): void {
  try {
    performance.mark(name);
  } catch {
    // no User Timing here
  }
}

function QueueTable({ tickets, directory, zone, now }: { tickets: Ticket[]; directory: Directory | null; zone: string; now: number }) {
  const intl = useIntl();
  useEffect(() => mark('hourglass:queue-rendered'), [tickets.length]);
  if (tickets.length === 0) {
    return (
      <Empty>
        <FormattedMessage id="tickets.queue.empty" />
      </Empty>
    );
  }
  return (
    <DataTable
      label={intl.formatMessage({ id: 'tickets.queue.tableLabel' })}
      caption={intl.formatMessage({ id: 'tickets.queue.caption' })}
      className="queue"
      columns={[
        intl.formatMessage({ id: 'tickets.queue.columnTimeToBreach' }),
        intl.formatMessage({ id: 'tickets.queue.columnTicket' }),
        intl.formatMessage({ id: 'tickets.queue.columnAccount' }),
        intl.formatMessage({ id: 'tickets.queue.columnPriority' }),
        intl.formatMessage({ id: 'tickets.queue.columnStatus' }),
        intl.formatMessage({ id: 'tickets.queue.columnAssignee' }),
      ]}
    >
      {tickets.map((ticket) => {
        const first = firstTarget(ticket);
        const due = first ? dueStatus(first, now) : null;
        return (
          <QueueRow
            key={ticket.id}
            ticket={ticket}
            target={first}
            dueText={due?.text ?? null}
            dueTone={due?.tone ?? null}
            account={directory?.accounts.get(ticket.account_id)?.name ?? '…'}
            assignee={ticket.assignee_id ? (directory?.users.get(ticket.assignee_id)?.name ?? '…') : null}
            zone={zone}
          />
        );
      })}
    </DataTable>
  );
}

interface RowProps {
  ticket: Ticket;
  target: Target | undefined;
  dueText: string | null;
  dueTone: string | null;
  account: string;
  assignee: string | null;
  zone: string;
}

/** One queue row; re-rendered only when what it shows changes, so the clock's tick stays cheap. */
const QueueRow = memo(function QueueRow({ ticket, target, dueText, dueTone, account, assignee, zone }: RowProps) {
  const running = target !== undefined && isRunning(target) && target.due_at !== null;
  return (
    <tr className={dueTone ? `row-${dueTone}` : undefined}>
      <td>
        {dueText !== null ? (
          <>
            <span className={`due due-${dueTone}`} data-tone={dueTone} data-due={running ? (target.due_at ?? undefined) : undefined}>
              {dueText}
            </span>
            {running && target.due_at && (
              <span className="muted small">
                {' '}
                <time dateTime={target.due_at}>{formatInstant(target.due_at, zone)}</time>
              </span>
            )}
          </>
        ) : (
          '—'
        )}
      </td>
      <td>
        <Link to={`/console/tickets/${ticket.id}`}>
          <FormattedMessage id="tickets.header.title" values={{ number: ticket.number, subject: ticket.subject }} />
        </Link>
        <EscalatedBadge ticket={ticket} />
      </td>
      <td>{account}</td>
      <td>{ticket.priority}</td>
      <td>
        <StatusBadge status={ticket.status} staff />
      </td>
      <td>
        {assignee ?? (
          <span className="muted">
            <FormattedMessage id="tickets.queue.unassigned" />
          </span>
        )}
      </td>
    </tr>
  );
});

/** The target that decides a ticket's place (a waiting escalation counts): the running one due first, else a paused one, else any. */
function firstTarget(ticket: Ticket): Target | undefined {
  const running = [...ticket.targets, ...escalationTargets(ticket)].filter(isRunning).sort((a, b) => (a.due_at ?? '9').localeCompare(b.due_at ?? '9'));
  return running[0] ?? ticket.targets.find((t) => t.state === 'paused') ?? ticket.targets[0];
}
