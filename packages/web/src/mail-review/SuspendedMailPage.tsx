import { type InfiniteData, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { messageOf, withQuery } from '../api/client.js';
import { http, ok } from '../api/http.js';
import type { paths } from '../api/schema.gen.js';
import type { SuspendedMail, SuspendedMailDetail } from '../api/types.js';
import { useSession } from '../session/session.js';
import { formatInstant, zoneLabel } from '../time/format.js';
import { Empty, ErrorNotice, Loading } from '../shared/feedback.js';
import { usePageTitle } from '../shared/hooks.js';
import { usePaged } from '../shared/paging.js';
import { ticketKeys } from '../tickets/queries.js';
import { suspendedMailKeys } from './queries.js';
import { DataTable } from '../shared/DataTable.js';

type StatusFilter = NonNullable<NonNullable<paths['/api/v1/suspended-mail']['get']['parameters']['query']>['status']>;
const STATUS_FILTERS: Record<StatusFilter, string> = { pending: 'Waiting for a decision', accepted: 'Accepted', discarded: 'Discarded', all: 'All' };
const isStatusFilter = (value: string): value is StatusFilter => Object.hasOwn(STATUS_FILTERS, value);
const KIND_LABELS: Record<SuspendedMail['kind'], string> = { new_ticket: 'Open a ticket', reply: 'Reply to a ticket' };
const PAGE_SIZE = 50;

/**
 * Suspended mail: inbound mail whose sender failed SPF/DKIM/DMARC, with the reason. Staff accept a
 * customer's mail (it is then applied as sent) or discard it; mail from staff addresses can only be
 * discarded.
 */
export function SuspendedMailPage() {
  const heading = usePageTitle('Suspended mail');
  const { zone } = useSession();
  const [, navigate] = useLocation();
  const asked = new URLSearchParams(useSearch()).get('status') ?? '';
  const status: StatusFilter = isStatusFilter(asked) ? asked : 'pending';
  const list = usePaged(suspendedMailKeys.list(status), '/api/v1/suspended-mail', { status }, PAGE_SIZE);
  const queryClient = useQueryClient();
  const decision = useMutation({
    mutationFn: ({ mail, action }: { mail: SuspendedMail; action: 'accept' | 'discard' }) =>
      ok(action === 'accept' ? http.POST('/api/v1/suspended-mail/{id}/accept', { params: { path: { id: mail.id } } }) : http.POST('/api/v1/suspended-mail/{id}/discard', { params: { path: { id: mail.id } } })),
    onSuccess: async (updated) => {
      // The decided mail stays in the list in view, with its outcome; every list reads again when next opened.
      queryClient.setQueriesData<InfiniteData<{ items: SuspendedMail[]; next_cursor: string | null }>>({ queryKey: suspendedMailKeys.all }, (data) =>
        data && { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.map((m) => (m.id === updated.id ? updated : m)) })) },
      );
      await Promise.all([queryClient.invalidateQueries({ queryKey: suspendedMailKeys.all, refetchType: 'none' }), queryClient.invalidateQueries({ queryKey: ticketKeys.all })]);
    },
  });
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [reading, setReading] = useState<Record<string, SuspendedMailDetail | string>>({});

  const decide = async (mail: SuspendedMail, action: 'accept' | 'discard') => {
    setBusy(mail.id);
    setNotice(null);
    try {
      const updated = await decision.mutateAsync({ mail, action });
      setNotice({
        tone: 'ok',
        text: action === 'accept' ? `Accepted the mail from ${mail.from.address}: ${updated.outcome === 'ticket_created' ? 'a ticket was opened' : 'the reply was added'}.` : `Discarded the mail from ${mail.from.address}.`,
      });
    } catch (error) {
      setNotice({ tone: 'error', text: `Could not ${action} the mail from ${mail.from.address}: ${messageOf(error)}` });
    } finally {
      setBusy(null);
    }
  };

  const read = async (mail: SuspendedMail) => {
    try {
      const detail = await ok(http.GET('/api/v1/suspended-mail/{id}', { params: { path: { id: mail.id } } }));
      setReading((r) => ({ ...r, [mail.id]: detail }));
    } catch (error) {
      setReading((r) => ({ ...r, [mail.id]: `Could not load the mail: ${messageOf(error)}` }));
    }
  };

  return (
    <div className="page wide">
      <div className="page-head">
        <h1 ref={heading} tabIndex={-1}>
          Suspended mail
        </h1>
        <p className="hint">
          Mail to the support address whose sender could not be verified (SPF, DKIM and DMARC). Accept a customer's mail to apply it as they sent it, or discard it. Mail
          from staff addresses is never applied; it can only be discarded. Times in {zoneLabel(zone)}.
        </p>
      </div>
      <div className="field-inline">
        <label htmlFor="suspended-status">Show</label>
        <select id="suspended-status" value={status} onChange={(e) => navigate(withQuery('/console/suspended-mail', { status: e.target.value }), { replace: true })}>
          {Object.entries(STATUS_FILTERS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      {notice?.tone === 'error' && <ErrorNotice message={notice.text} />}
      {notice?.tone === 'ok' && (
        <div className="notice notice-ok" role="status">
          <p>{notice.text}</p>
        </div>
      )}
      {list.status === 'loading' && <Loading />}
      {list.status === 'error' && <ErrorNotice message={`Could not load suspended mail: ${list.message}`} onRetry={list.reload} />}
      {list.status === 'ready' &&
        (list.items.length === 0 ? (
          <Empty>{status === 'pending' ? 'No mail is waiting for a decision.' : 'No mail here.'}</Empty>
        ) : (
          <>
            <DataTable label="Suspended mail" caption="Suspended mail, newest first" className="suspended-mail" columns={['Received', 'From', 'Subject', 'Would', 'Why it was held', 'Decision']}>
              {list.items.map((mail) => (
                <MailRow key={mail.id} mail={mail} zone={zone} busy={busy === mail.id} detail={reading[mail.id]} onDecide={decide} onRead={read} />
              ))}
            </DataTable>
            {list.more && (
              <button type="button" onClick={list.loadMore} disabled={list.loadingMore}>
                Show more
              </button>
            )}
            {list.moreError && <ErrorNotice message={`Could not load more mail: ${list.moreError}`} onRetry={list.loadMore} />}
          </>
        ))}
    </div>
  );
}

function MailRow({
  mail,
  zone,
  busy,
  detail,
  onDecide,
  onRead,
}: {
  mail: SuspendedMail;
  zone: string;
  busy: boolean;
  detail: SuspendedMailDetail | string | undefined;
  onDecide: (mail: SuspendedMail, action: 'accept' | 'discard') => void;
  onRead: (mail: SuspendedMail) => void;
}) {
  const sender = mail.from.name ? `${mail.from.name} <${mail.from.address}>` : mail.from.address;
  return (
    <tr data-mail={mail.id}>
      <td>
        <time dateTime={mail.received_at}>{formatInstant(mail.received_at, zone)}</time>
      </td>
      <td>
        {sender}
        {mail.sender_role !== 'customer' && <span className="hint"> ({/^[aeiou]/.test(mail.sender_role) ? 'an' : 'a'} {mail.sender_role} address)</span>}
      </td>
      <td>
        {mail.subject}
        {detail === undefined ? (
          <>
            {' '}
            <button type="button" onClick={() => onRead(mail)} aria-label={`Read the mail "${mail.subject}"`}>
              Read
            </button>
          </>
        ) : typeof detail === 'string' ? (
          <p className="notice notice-error">{detail}</p>
        ) : (
          <div className="mail-text">
            <pre>{detail.text || '(The mail has no text.)'}</pre>
            {detail.attachments.length > 0 && <p className="hint">Files: {detail.attachments.map((a) => a.filename).join(', ')}</p>}
          </div>
        )}
      </td>
      <td>{KIND_LABELS[mail.kind]}</td>
      <td className="reason">Sent from {mail.remote_address}. {mail.reason}</td>
      <td>
        {mail.status === 'pending' ? (
          <div className="actions">
            {mail.can_accept ? (
              <button type="button" disabled={busy} onClick={() => onDecide(mail, 'accept')} aria-label={`Accept the mail "${mail.subject}" from ${mail.from.address}`}>
                Accept
              </button>
            ) : (
              <p className="hint">{mail.accept_blocked}</p>
            )}
            <button type="button" disabled={busy} onClick={() => onDecide(mail, 'discard')} aria-label={`Discard the mail "${mail.subject}" from ${mail.from.address}`}>
              Discard
            </button>
          </div>
        ) : (
          <span>
            {mail.status === 'accepted' ? 'Accepted' : 'Discarded'}
            {mail.decided_at && ` ${formatInstant(mail.decided_at, zone)}`}
            {mail.ticket_id && (
              <>
                {' '}
                <Link to={`/console/tickets/${mail.ticket_id}`}>Open the ticket</Link>
              </>
            )}
          </span>
        )}
      </td>
    </tr>
  );
}
