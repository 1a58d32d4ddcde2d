import { type InfiniteData, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
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
const STATUS_FILTERS: readonly StatusFilter[] = ['pending', 'accepted', 'discarded', 'all'];
const isStatusFilter = (value: string): value is StatusFilter => (STATUS_FILTERS as readonly string[]).includes(value);
const PAGE_SIZE = 50;

/**
 * Suspended mail: inbound mail whose sender failed SPF/DKIM/DMARC, with the reason. Staff accept a
 * customer's mail (it is then applied as sent) or discard it; mail from staff addresses can only be
 * discarded.
 */
export function SuspendedMailPage() {
  const intl = useIntl();
  const heading = usePageTitle(intl.formatMessage({ id: 'mailReview.suspended.title' }));
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
        text:
          action === 'accept'
            ? intl.formatMessage({ id: 'mailReview.suspended.accepted' }, { address: mail.from.address, outcome: updated.outcome ?? 'none' })
            : intl.formatMessage({ id: 'mailReview.suspended.discarded' }, { address: mail.from.address }),
      });
    } catch (error) {
      setNotice({ tone: 'error', text: intl.formatMessage({ id: 'mailReview.suspended.decisionFailed' }, { action, address: mail.from.address, reason: messageOf(error) }) });
    } finally {
      setBusy(null);
    }
  };

  const read = async (mail: SuspendedMail) => {
    try {
      const detail = await ok(http.GET('/api/v1/suspended-mail/{id}', { params: { path: { id: mail.id } } }));
      setReading((r) => ({ ...r, [mail.id]: detail }));
    } catch (error) {
      setReading((r) => ({ ...r, [mail.id]: intl.formatMessage({ id: 'mailReview.suspended.readFailed' }, { reason: messageOf(error) }) }));
    }
  };

  return (
    <div className="page wide">
      <div className="page-head">
        <h1 ref={heading} tabIndex={-1}>
          <FormattedMessage id="mailReview.suspended.title" />
        </h1>
        <p className="hint">
          <FormattedMessage id="mailReview.suspended.hint" values={{ zone: zoneLabel(zone) }} />
        </p>
      </div>
      <div className="field-inline">
        <label htmlFor="suspended-status">
          <FormattedMessage id="mailReview.suspended.show" />
        </label>
        <select id="suspended-status" value={status} onChange={(e) => navigate(withQuery('/console/suspended-mail', { status: e.target.value }), { replace: true })}>
          {STATUS_FILTERS.map((value) => (
            <option key={value} value={value}>
              {intl.formatMessage({ id: 'mailReview.suspended.filter' }, { status: value })}
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
      {list.status === 'loading' && <Loading label={intl.formatMessage({ id: 'mailReview.suspended.loading' })} />}
      {list.status === 'error' && <ErrorNotice message={intl.formatMessage({ id: 'mailReview.suspended.loadFailed' }, { reason: list.message })} onRetry={list.reload} />}
      {list.status === 'ready' &&
        (list.items.length === 0 ? (
          <Empty>{status === 'pending' ? intl.formatMessage({ id: 'mailReview.suspended.emptyPending' }) : intl.formatMessage({ id: 'mailReview.suspended.empty' })}</Empty>
        ) : (
          <>
            <DataTable
              label={intl.formatMessage({ id: 'mailReview.suspended.title' })}
              caption={intl.formatMessage({ id: 'mailReview.suspended.caption' })}
              className="suspended-mail"
              columns={[
                intl.formatMessage({ id: 'mailReview.suspended.columnReceived' }),
                intl.formatMessage({ id: 'mailReview.suspended.columnFrom' }),
                intl.formatMessage({ id: 'mailReview.suspended.columnSubject' }),
                intl.formatMessage({ id: 'mailReview.suspended.columnWould' }),
                intl.formatMessage({ id: 'mailReview.suspended.columnWhy' }),
                intl.formatMessage({ id: 'mailReview.suspended.columnDecision' }),
              ]}
            >
              {list.items.map((mail) => (
                <MailRow key={mail.id} mail={mail} zone={zone} busy={busy === mail.id} detail={reading[mail.id]} onDecide={decide} onRead={read} />
              ))}
            </DataTable>
            {list.more && (
              <button type="button" onClick={list.loadMore} disabled={list.loadingMore}>
                <FormattedMessage id="mailReview.suspended.showMore" />
              </button>
            )}
            {list.moreError && <ErrorNotice message={intl.formatMessage({ id: 'mailReview.suspended.moreFailed' }, { reason: list.moreError })} onRetry={list.loadMore} />}
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
  const intl = useIntl();
  const sender = mail.from.name ? `${mail.from.name} <${mail.from.address}>` : mail.from.address;
  return (
    <tr data-mail={mail.id}>
      <td>
        <time dateTime={mail.received_at}>{formatInstant(mail.received_at, zone)}</time>
      </td>
      <td>
        {sender}
        {mail.sender_role !== 'customer' && (
          <span className="hint">
            {' '}
            <FormattedMessage id="mailReview.row.staffAddress" values={{ role: mail.sender_role }} />
          </span>
        )}
      </td>
      <td>
        {mail.subject}
        {detail === undefined ? (
          <>
            {' '}
            <button type="button" onClick={() => onRead(mail)} aria-label={intl.formatMessage({ id: 'mailReview.row.readLabel' }, { subject: mail.subject })}>
              <FormattedMessage id="mailReview.row.read" />
            </button>
          </>
        ) : typeof detail === 'string' ? (
          <p className="notice notice-error">{detail}</p>
        ) : (
          <div className="mail-text">
            <pre>{detail.text || intl.formatMessage({ id: 'mailReview.row.noText' })}</pre>
            {detail.attachments.length > 0 && (
              <p className="hint">
                <FormattedMessage id="mailReview.row.files" values={{ count: detail.attachments.length, files: intl.formatList(detail.attachments.map((a) => a.filename), { type: 'unit', style: 'short' }) }} />
              </p>
            )}
          </div>
        )}
      </td>
      <td>
        <FormattedMessage id="mailReview.row.would" values={{ kind: mail.kind }} />
      </td>
      <td className="reason">
        <FormattedMessage id="mailReview.row.reason" values={{ address: mail.remote_address, reason: mail.reason }} />
      </td>
      <td>
        {mail.status === 'pending' ? (
          <div className="actions">
            {mail.can_accept ? (
              <button type="button" disabled={busy} onClick={() => onDecide(mail, 'accept')} aria-label={intl.formatMessage({ id: 'mailReview.row.acceptLabel' }, { subject: mail.subject, address: mail.from.address })}>
                <FormattedMessage id="mailReview.row.accept" />
              </button>
            ) : (
              <p className="hint">{mail.accept_blocked}</p>
            )}
            <button type="button" disabled={busy} onClick={() => onDecide(mail, 'discard')} aria-label={intl.formatMessage({ id: 'mailReview.row.discardLabel' }, { subject: mail.subject, address: mail.from.address })}>
              <FormattedMessage id="mailReview.row.discard" />
            </button>
          </div>
        ) : (
          <span>
            {mail.decided_at ? (
              <FormattedMessage id="mailReview.row.decidedAt" values={{ status: mail.status, at: formatInstant(mail.decided_at, zone) }} />
            ) : (
              <FormattedMessage id="mailReview.row.decided" values={{ status: mail.status }} />
            )}
            {mail.ticket_id && (
              <>
                {' '}
                <Link to={`/console/tickets/${mail.ticket_id}`}>
                  <FormattedMessage id="mailReview.row.openTicket" />
                </Link>
              </>
            )}
          </span>
        )}
      </td>
    </tr>
  );
}
