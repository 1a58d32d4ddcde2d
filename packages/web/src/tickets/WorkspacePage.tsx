import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { FormattedMessage, type IntlShape, useIntl } from 'react-intl';
import { Link } from 'wouter';
import { ApiError, messageOf } from '../api/client.js';
import { http, idempotent, ok } from '../api/http.js';
import type { paths } from '../api/schema.gen.js';
import type { Account, Ticket, TicketEvent, TicketStatus } from '../api/types.js';
import { policyQuery } from '../policy/queries.js';
import { useWrite } from '../shared/query.js';
import { eventsQuery, ticketKeys, ticketQuery } from './queries.js';
import { TicketHeader, UnavailableTicketTitle } from './TicketHeader.js';
import { useSession } from '../session/session.js';
import { formatInstant, zoneLabel } from '../time/format.js';
import { Attachments } from './attachments.js';
import { Conversation, ReplyForm } from './conversation.js';
import { Await, ErrorNotice } from '../shared/feedback.js';
import { useActionKey, useNow } from '../shared/hooks.js';
import { IntakePanel } from '../intake/IntakePanel.js';
import { eventLabel, fieldLabel, statusLabel } from './labels.js';
import { TargetsPanel } from './targets.js';
import { type Directory, directoryQuery } from '../shared/directory.js';
import { EscalationsPanel } from '../escalation/EscalationsPanel.js';
import { WorkspaceIncidents } from '../incidents/WorkspaceIncidents.js';
import { hoursNow } from '../people/hours.js';

/** The statuses an agent may move a ticket to from its current one. */
const NEXT_STATUSES: Record<TicketStatus, TicketStatus[]> = {
  new: ['open', 'pending', 'on_hold', 'solved'],
  open: ['pending', 'on_hold', 'solved'],
  pending: ['open', 'on_hold', 'solved'],
  on_hold: ['open', 'pending', 'solved'],
  solved: ['open', 'closed'],
  closed: [],
};

export function WorkspacePage({ id }: { id: string }) {
  const intl = useIntl();
  const ticket = useQuery(ticketQuery(id));
  const directory = useQuery(directoryQuery);
  return (
    <div className="page wide">
      <p className="breadcrumb">
        <Link to="/console">
          <FormattedMessage id="tickets.workspace.back" />
        </Link>
      </p>
      {ticket.isError && <UnavailableTicketTitle />}
      <Await query={ticket} label={intl.formatMessage({ id: 'tickets.workspace.loading' })}>
        {(data) => <Workspace ticket={data} directory={directory.data ?? null} />}
      </Await>
    </div>
  );
}

type TicketChange = NonNullable<paths['/api/v1/tickets/{id}']['patch']['requestBody']>['content']['application/json'];

function Workspace({ ticket, directory }: { ticket: Ticket; directory: Directory | null }) {
  const intl = useIntl();
  const { user, zone } = useSession();
  const now = useNow();
  const queryClient = useQueryClient();
  const acknowledgeKey = useActionKey();
  const update = useWrite((change: TicketChange) => ok(http.PATCH('/api/v1/tickets/{id}', { params: { path: { id: ticket.id } }, body: change })), () => [ticketKeys.all]);
  const acknowledge = useWrite((key: string) => ok(http.POST('/api/v1/tickets/{id}/acknowledge', { params: { path: { id: ticket.id } }, headers: idempotent(key) })), () => [ticketKeys.all]);
  const [notice, setNotice] = useState<{ tone: 'error' | 'ok'; text: string } | null>(null);
  const replyRef = useRef<HTMLTextAreaElement | null>(null);

  const changed = (text: string) => setNotice({ tone: 'ok', text });
  const run = async (action: () => Promise<Ticket>, text: string) => {
    setNotice(null);
    try {
      await action();
      changed(text);
    } catch (caught) {
      setNotice({ tone: 'error', text: messageOf(caught) });
    }
  };

  useEffect(() => {
    replyRef.current = document.getElementById('agent-reply') as HTMLTextAreaElement | null;
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.ctrlKey || event.metaKey || event.altKey || (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
      if (event.key === 'r') {
        event.preventDefault();
        replyRef.current?.focus();
      } else if (event.key === 'a' && ticket.assignee_id !== user.id) {
        event.preventDefault();
        void run(() => update.mutateAsync({ assignee_id: user.id }), intl.formatMessage({ id: 'tickets.workspace.assignedToYou' }));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const account = directory?.accounts.get(ticket.account_id) ?? null;
  const nameOf = (id: string | null, role: string | null) =>
    (id && directory?.users.get(id)?.name) || intl.formatMessage({ id: 'tickets.workspace.unknownAuthor' }, { role: role === 'customer' ? 'customer' : 'staff' });

  return (
    <>
      <TicketHeader
        ticket={ticket}
        staff
        facts={[
          { label: intl.formatMessage({ id: 'tickets.workspace.account' }), value: account?.name ?? '…' },
          { label: intl.formatMessage({ id: 'tickets.workspace.assignee' }), value: ticket.assignee_id ? nameOf(ticket.assignee_id, null) : intl.formatMessage({ id: 'tickets.workspace.unassigned' }) },
          {
            label: intl.formatMessage({ id: 'tickets.workspace.channelLanguage' }),
            value: intl.formatMessage({ id: 'tickets.workspace.channelLanguageValue' }, { channel: ticket.channel, language: languageName(intl.locale, ticket.language) }),
          },
        ]}
      />
      <p className="hint">
        <FormattedMessage id="tickets.workspace.keyboard" values={{ kbd: (chunks) => <kbd>{chunks}</kbd> }} />
      </p>
      {notice && (
        <div className={`notice notice-${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
          <p>{notice.text}</p>
        </div>
      )}
      <div className="columns">
        <div>
          <IntakePanel
            ticket={ticket}
            onCompleted={(updated) => {
              changed(intl.formatMessage({ id: 'tickets.workspace.intakeSaved' }, { complete: updated.intake_complete ? 'yes' : 'no' }));
              void queryClient.invalidateQueries({ queryKey: ticketKeys.all });
            }}
          />
          <section aria-labelledby="description-heading" className="panel">
            <h2 id="description-heading">
              <FormattedMessage id="tickets.workspace.description" />
            </h2>
            <p className="comment-body">{ticket.description}</p>
            {Object.keys(ticket.intake).length > 0 && (
              <dl className="intake-values">
                {Object.entries(ticket.intake).map(([key, value]) => (
                  <div key={key}>
                    <dt>{key.replace(/_/g, ' ')}</dt>
                    <dd>{Array.isArray(value) ? value.join(', ') : String(value ?? '')}</dd>
                  </div>
                ))}
              </dl>
            )}
          </section>
          <Conversation ticketId={ticket.id} zone={zone} authorName={nameOf} />
          {ticket.status !== 'closed' && <ReplyForm ticketId={ticket.id} allowInternal textareaId="agent-reply" onSent={() => changed(intl.formatMessage({ id: 'tickets.workspace.saved' }))} />}
          <Attachments ticketId={ticket.id} zone={zone} canUpload={ticket.status !== 'closed'} />
          <History ticketId={ticket.id} zone={zone} nameOf={nameOf} />
        </div>
        <div>
          <TargetsPanel ticket={ticket} zone={zone} now={now} />
          <EscalationsPanel escalations={ticket.escalations ?? []} zone={zone} now={now} nameOf={(id) => nameOf(id, null)} />
          <WorkspaceIncidents ticketId={ticket.id} />
          <section aria-labelledby="work-heading" className="panel">
            <h2 id="work-heading">
              <FormattedMessage id="tickets.workspace.work" />
            </h2>
            <div className="actions">
              {ticket.assignee_id !== user.id && (
                <button type="button" onClick={() => void run(() => update.mutateAsync({ assignee_id: user.id }), intl.formatMessage({ id: 'tickets.workspace.assignedToYou' }))}>
                  <FormattedMessage id="tickets.workspace.assignToMe" />
                </button>
              )}
              {ticket.targets.some((t) => t.metric === 'acknowledgment' && (t.state === 'active' || t.state === 'breached')) && (
                <button type="button" onClick={() => void run(() => acknowledgeKey.run((key) => acknowledge.mutateAsync(key)), intl.formatMessage({ id: 'tickets.workspace.acknowledged' }))}>
                  <FormattedMessage id="tickets.workspace.acknowledge" />
                </button>
              )}
            </div>
            <StatusForm ticket={ticket} onSubmit={(status) => run(() => update.mutateAsync({ status }), intl.formatMessage({ id: 'tickets.workspace.statusChanged' }, { status: statusLabel(status, true) }))} />
            <AssignForm ticket={ticket} directory={directory} onSubmit={(assignee) => run(() => update.mutateAsync({ assignee_id: assignee || null }), intl.formatMessage({ id: 'tickets.workspace.assignmentChanged' }))} />
            <ReclassifyForm ticket={ticket} onDone={(updated) => changed(intl.formatMessage({ id: 'tickets.workspace.priorityChanged' }, { priority: updated.priority }))} />
          </section>
          {account && <AccountPanel account={account} directory={directory} now={now} />}
        </div>
      </div>
    </>
  );
}

function StatusForm({ ticket, onSubmit }: { ticket: Ticket; onSubmit: (status: TicketStatus) => Promise<void> }) {
  const intl = useIntl();
  const options = NEXT_STATUSES[ticket.status];
  const [status, setStatus] = useState<TicketStatus | ''>('');
  if (options.length === 0) {
    return (
      <p className="muted">
        <FormattedMessage id="tickets.workspace.statusFinal" />
      </p>
    );
  }
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (status) void onSubmit(status).then(() => setStatus(''));
      }}
    >
      <label htmlFor="status-change">
        <FormattedMessage id="tickets.workspace.changeStatus" />
      </label>
      <select id="status-change" value={status} onChange={(e) => setStatus(e.target.value as TicketStatus)}>
        <option value="">{intl.formatMessage({ id: 'tickets.workspace.choose' })}</option>
        {options.map((s) => (
          <option key={s} value={s}>
            {statusLabel(s, true)}
          </option>
        ))}
      </select>
      <button type="submit" disabled={!status}>
        <FormattedMessage id="tickets.workspace.change" />
      </button>
    </form>
  );
}

function AssignForm({ ticket, directory, onSubmit }: { ticket: Ticket; directory: Directory | null; onSubmit: (assignee: string) => Promise<void> }) {
  const intl = useIntl();
  const [assignee, setAssignee] = useState(ticket.assignee_id ?? '');
  const staff = directory ? [...directory.users.values()].filter((u) => u.role !== 'customer') : [];
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit(assignee);
      }}
    >
      <label htmlFor="assignee">
        <FormattedMessage id="tickets.workspace.assignee" />
      </label>
      <select id="assignee" value={assignee} onChange={(e) => setAssignee(e.target.value)}>
        <option value="">{intl.formatMessage({ id: 'tickets.workspace.unassigned' })}</option>
        {staff.map((u) => (
          <option key={u.id} value={u.id}>
            {intl.formatMessage({ id: 'tickets.workspace.assigneeOption' }, { name: u.name, presence: u.presence })}
          </option>
        ))}
      </select>
      <button type="submit">
        <FormattedMessage id="tickets.workspace.reassign" />
      </button>
    </form>
  );
}

function ReclassifyForm({ ticket, onDone }: { ticket: Ticket; onDone: (ticket: Ticket) => void }) {
  const intl = useIntl();
  const policy = useQuery(policyQuery(ticket.pack_id));
  const priorities = policy.data?.versions.find((v) => v.id === ticket.pack_version)?.priorities ?? null;
  const reclassify = useWrite((change: { priority: string; reason: string }) => ok(http.POST('/api/v1/tickets/{id}/reclassify', { params: { path: { id: ticket.id } }, body: change })), () => [ticketKeys.all]);
  const [priority, setPriority] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ priority?: string; reason?: string; form?: string }>({});
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: typeof errors = {};
    if (priority.trim() === '') found.priority = intl.formatMessage({ id: 'tickets.reclassify.priorityMissing' });
    if (reason.trim() === '') found.reason = intl.formatMessage({ id: 'tickets.reclassify.reasonMissing' });
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    try {
      const updated = await reclassify.mutateAsync({ priority: priority.trim(), reason });
      setPriority('');
      setReason('');
      onDone(updated);
    } catch (caught) {
      if (caught instanceof ApiError && caught.issues.length > 0) {
        setErrors({
          priority: caught.issuesAt('priority').map((i) => i.message).join(' ') || undefined,
          reason: caught.issuesAt('reason').map((i) => i.message).join(' ') || undefined,
          form: caught.message,
        });
      } else {
        setErrors({ form: messageOf(caught) });
      }
    }
  };
  return (
    <form className="stacked-form" onSubmit={submit} noValidate aria-labelledby="reclassify-heading">
      <h3 id="reclassify-heading">
        <FormattedMessage id="tickets.reclassify.heading" />
      </h3>
      <div className="field">
        <label htmlFor="reclassify-priority">
          <FormattedMessage id="tickets.reclassify.priority" values={{ current: ticket.priority }} />
        </label>
        {priorities ? (
          <select id="reclassify-priority" value={priority} onChange={(e) => setPriority(e.target.value)} aria-invalid={errors.priority ? true : undefined} aria-describedby={errors.priority ? 'reclassify-priority-error' : undefined}>
            <option value="">{intl.formatMessage({ id: 'tickets.workspace.choose' })}</option>
            {priorities
              .filter((p) => p.id !== ticket.priority)
              .map((p) => (
                <option key={p.id} value={p.id}>
                  {p.id} {p.name}
                </option>
              ))}
          </select>
        ) : (
          <input id="reclassify-priority" type="text" value={priority} onChange={(e) => setPriority(e.target.value)} aria-invalid={errors.priority ? true : undefined} aria-describedby={errors.priority ? 'reclassify-priority-error' : undefined} />
        )}
        {errors.priority && (
          <p id="reclassify-priority-error" className="field-error">
            {errors.priority}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="reclassify-reason">
          <FormattedMessage id="tickets.reclassify.reason" />
        </label>
        <textarea id="reclassify-reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={errors.reason ? true : undefined} aria-describedby={errors.reason ? 'reclassify-reason-error' : undefined} />
        {errors.reason && (
          <p id="reclassify-reason-error" className="field-error">
            {errors.reason}
          </p>
        )}
      </div>
      {errors.form && <ErrorNotice message={errors.form} />}
      <button type="submit">
        <FormattedMessage id="tickets.reclassify.submit" />
      </button>
    </form>
  );
}

function AccountPanel({ account, directory, now }: { account: Account; directory: Directory | null; now: number }) {
  const intl = useIntl();
  const managers = [account.primary_manager_id, account.secondary_manager_id].map((id) => (id ? directory?.users.get(id) : undefined)).filter((u) => u !== undefined);
  const projects = account.projects.map((p) => intl.formatMessage({ id: 'tickets.account.project' }, { name: p.name, production: p.production ? 'yes' : 'no' }));
  return (
    <section aria-labelledby="account-heading" className="panel">
      <h2 id="account-heading">
        <FormattedMessage id="tickets.account.heading" />
      </h2>
      <p>
        <FormattedMessage
          id="tickets.account.plan"
          values={{ name: <strong>{account.name}</strong>, pack: account.pack_id, plan: account.plan, tier: account.partner_tier ?? 'none' }}
        />
      </p>
      {managers.length > 0 ? (
        <ul className="plain">
          {managers.map((m, index) => (
            <li key={m.id}>
              <FormattedMessage id="tickets.account.manager" values={{ rank: index === 0 ? 'primary' : 'secondary', name: m.name, hours: hoursNow(m, now) }} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">
          <FormattedMessage id="tickets.account.noManagers" />
        </p>
      )}
      <p className="muted">
        <FormattedMessage id="tickets.account.projects" values={{ count: projects.length, projects: intl.formatList(projects, { type: 'conjunction' }) }} />
      </p>
    </section>
  );
}

function History({ ticketId, zone, nameOf }: { ticketId: string; zone: string; nameOf: (id: string | null, role: string | null) => string }) {
  const intl = useIntl();
  const events = useQuery(eventsQuery(ticketId));
  return (
    <section aria-labelledby="history-heading" className="panel">
      <h2 id="history-heading">
        <FormattedMessage id="tickets.history.heading" />
      </h2>
      <p className="hint">
        <FormattedMessage id="tickets.history.zone" values={{ zone: zoneLabel(zone) }} />
      </p>
      <Await query={events} label={intl.formatMessage({ id: 'tickets.history.loading' })}>
        {({ items }) => (
          <ol className="history">
            {items.map((event) => {
              const changes = describeChange(event, intl, (id) => nameOf(id, null));
              return (
                <li key={event.id}>
                  <FormattedMessage
                    id="tickets.history.event"
                    values={{
                      time: <time dateTime={event.at}>{formatInstant(event.at, zone)}</time>,
                      event: <strong>{eventLabel(event.type)}</strong>,
                      actor: event.actor_id ? nameOf(event.actor_id, null) : '',
                      hasActor: event.actor_id ? 'yes' : 'no',
                      changes,
                      hasChanges: changes === '' ? 'no' : 'yes',
                    }}
                  />
                  {event.reason && (
                    <span className="reason">
                      {' '}
                      <FormattedMessage id="tickets.history.reason" values={{ reason: event.reason }} />
                    </span>
                  )}
                </li>
              );
            })}
          </ol>
        )}
      </Await>
    </section>
  );
}

/** The fields an event changed, `status Open → Pending`, as a list in the language shown; '' when none. */
function describeChange(event: TicketEvent, intl: IntlShape, personName: (id: string) => string): string {
  const before = event.before as Record<string, unknown> | null;
  const after = event.after as Record<string, unknown> | null;
  if (!before || !after || typeof before !== 'object' || typeof after !== 'object') return '';
  const changes = Object.keys(after)
    .filter((key) => key in before && before[key] !== after[key] && typeof after[key] !== 'object')
    .map((key) => intl.formatMessage({ id: 'tickets.history.change' }, { field: fieldLabel(key), before: valueText(key, before[key], personName), after: valueText(key, after[key], personName) }));
  return changes.length > 0 ? intl.formatList(changes, { type: 'unit' }) : '';
}

/** A changed field's value as a person reads it: a status in words, a person by name. */
function valueText(field: string, value: unknown, personName: (id: string) => string): string {
  if (value === null || value === undefined) return '—';
  if (field === 'status') return statusLabel(String(value), true);
  return field === 'assignee_id' ? personName(String(value)) : String(value);
}

/** A language's name in the language shown (`de` → `German`, `Deutsch`); the code when the browser has no name for it. */
function languageName(locale: string, code: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
