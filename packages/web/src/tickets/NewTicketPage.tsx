import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { ApiError, fieldOf, isDefinitive, messageOf } from '../api/client.js';
import { http, idempotent, ok } from '../api/http.js';
import type { paths } from '../api/schema.gen.js';
import type { Account, IntakeForms, PriorityInfo } from '../api/types.js';
import { useLocation } from 'wouter';
import { accountKeys, accountQuery } from '../accounts/queries.js';
import { intakeFormsQuery, policyQuery } from '../policy/queries.js';
import { useWrite } from '../shared/query.js';
import { ticketKeys } from './queries.js';
import { useSession } from '../session/session.js';
import { Await, ErrorNotice } from '../shared/feedback.js';
import { useActionKey, useNow, usePageTitle } from '../shared/hooks.js';
import { rememberWarnings } from './warnings.js';
import { FieldError, IntakeInput, toInstant } from '../intake/IntakeInput.js';
import { verdictText } from '../intake/verdict-text.js';
import { activeIntl } from '../i18n/active.js';
import { restrictionOf } from './priority-choice.js';
import { KnownIssues } from '../incidents/KnownIssues.js';

interface Setup {
  account: Account;
  forms: IntakeForms;
  /** Null when the priority catalogue could not be read; the plan's default is used then. */
  priorities: PriorityInfo[] | null;
  prioritiesError: string | null;
}

type NewTicket = NonNullable<paths['/api/v1/tickets']['post']['requestBody']>['content']['application/json'];

/** The account, its intake forms and its plan's priorities, each read through its own cached query. */
async function loadSetup(queryClient: QueryClient, accountId: string): Promise<Setup> {
  const account = await queryClient.fetchQuery(accountQuery(accountId));
  const [forms, policy] = await Promise.all([
    queryClient.fetchQuery(intakeFormsQuery(account.pack_id)),
    queryClient.fetchQuery(policyQuery(account.pack_id)).then(
      (info) => ({ ok: true as const, info }),
      (error: unknown) => ({ ok: false as const, message: messageOf(error) }),
    ),
  ]);
  if (!policy.ok) return { account, forms, priorities: null, prioritiesError: policy.message };
  const version = policy.info.versions.find((v) => v.id === account.pack_version) ?? policy.info.versions.find((v) => v.id === policy.info.current_version);
  return { account, forms, priorities: version?.priorities ?? null, prioritiesError: version ? null : activeIntl().formatMessage({ id: 'tickets.newTicket.versionMissing' }) };
}

export function NewTicketPage() {
  const intl = useIntl();
  const heading = usePageTitle(intl.formatMessage({ id: 'tickets.newTicket.title' }));
  const { user } = useSession();
  const queryClient = useQueryClient();
  const accountId = user.account_id ?? '';
  const setup = useQuery({ queryKey: [...accountKeys.detail(accountId), 'new-ticket'], queryFn: () => loadSetup(queryClient, accountId) });
  return (
    <div className="page">
      <h1 ref={heading} tabIndex={-1}>
        <FormattedMessage id="tickets.newTicket.title" />
      </h1>
      <Await query={setup} label={intl.formatMessage({ id: 'tickets.newTicket.loading' })}>
        {(setup) => <NewTicketForm setup={setup} />}
      </Await>
    </div>
  );
}

function NewTicketForm({ setup }: { setup: Setup }) {
  const intl = useIntl();
  const { account, forms, priorities } = setup;
  const now = useNow(30_000);
  const defaultProject = account.projects.find((p) => p.production) ?? account.projects[0];
  const [subject, setSubject] = useState('');
  const [description, setDescription] = useState('');
  const [projectId, setProjectId] = useState(defaultProject?.id ?? '');
  const [product, setProduct] = useState('');
  const [priority, setPriority] = useState(priorities?.find((p) => p.default)?.id ?? '');
  const [values, setValues] = useState<Record<string, string>>({});
  const [serverIssues, setServerIssues] = useState<ApiError | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [missing, setMissing] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const action = useActionKey();
  const [, navigate] = useLocation();
  const open = useWrite(({ body, key }: { body: NewTicket; key: string }) => ok(http.POST('/api/v1/tickets', { body, headers: idempotent(key) })), () => [ticketKeys.all]);

  const form = forms.forms.find((f) => f.id === product);
  const project = account.projects.find((p) => p.id === projectId);
  const chosen = priorities?.find((p) => p.id === priority);
  const refusal = priorities ? restrictionOf(chosen, project, priorities) : null;
  const restriction = refusal ? verdictText(intl, refusal) : null;
  const descriptionField = form?.fields.find((f) => f.id === 'description');
  // Each intake field is judged with the whole form (the description included), as the service judges the ticket.
  const context = useMemo(
    () => ({ now, sidHexLength: forms.sid_format?.hex_length, sidKinds: forms.sid_format?.kinds, form, values: { ...values, description } }),
    [now, forms.sid_format, form, values, description],
  );

  const issueAt = (field: string) => serverIssues?.issuesAt(field).map((i) => i.message).join(' ') || null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const blank = new Set<string>();
    if (subject.trim() === '') blank.add('subject');
    if (description.trim() === '') blank.add('description');
    setMissing(blank);
    if (blank.size > 0 || restriction) {
      setFormError(intl.formatMessage({ id: 'tickets.newTicket.fixFields' }));
      return;
    }
    const intake: Record<string, string> = {};
    if (form) {
      for (const field of form.fields) {
        const value = field.id === 'description' ? description : (values[field.id] ?? '');
        if (value.trim() === '') continue;
        intake[field.id] = field.type === 'datetime' ? toInstant(value) : value;
      }
    }
    setBusy(true);
    setFormError(null);
    setServerIssues(null);
    try {
      const body = {
        subject,
        description,
        ...(projectId && { project_id: projectId }),
        ...(product && { product, intake }),
        ...(priority && { priority }),
      };
      // A retry after a lost answer resends the same key, so the ticket is opened once.
      const ticket = await action.run((key) => open.mutateAsync({ body, key }));
      rememberWarnings(ticket.id, ticket.warnings ?? []);
      navigate(`/portal/tickets/${ticket.id}`);
    } catch (caught) {
      setBusy(false);
      if (caught instanceof ApiError && !isDefinitive(caught)) {
        // The answer did not arrive: the ticket may be open already. The same key goes with the next try.
        setFormError(intl.formatMessage({ id: 'tickets.newTicket.noAnswer' }, { reason: caught.message }));
      } else if (caught instanceof ApiError && caught.code === 'idempotency_key_reused') {
        setFormError(intl.formatMessage({ id: 'tickets.newTicket.keyReused' }));
      } else if (caught instanceof ApiError) {
        setServerIssues(caught);
        setFormError(intl.formatMessage({ id: 'tickets.newTicket.refused' }, { reason: caught.message, marked: caught.issues.length > 0 ? 'yes' : 'no' }));
      } else {
        setFormError(messageOf(caught));
      }
    }
  };

  const otherIssues = serverIssues?.issues.filter((i) => !KNOWN_FIELDS.has(fieldOf(i.path)) && !fieldOf(i.path).startsWith('intake.')) ?? [];

  return (
    <form onSubmit={submit} noValidate className="ticket-form">
      <KnownIssues product={product} />
      {formError && <ErrorNotice message={formError} issues={otherIssues} />}
      <TextField
        id="subject"
        label={intl.formatMessage({ id: 'tickets.newTicket.subject' })}
        value={subject}
        onChange={setSubject}
        error={missing.has('subject') ? intl.formatMessage({ id: 'tickets.newTicket.subjectMissing' }) : issueAt('subject')}
        required
      />

      <div className="field">
        <label htmlFor="project">
          <FormattedMessage id="tickets.newTicket.project" />
        </label>
        <select id="project" value={projectId} onChange={(e) => setProjectId(e.target.value)} aria-describedby="project-hint">
          {account.projects.map((p) => (
            <option key={p.id} value={p.id}>
              {intl.formatMessage({ id: 'tickets.newTicket.projectOption' }, { name: p.name, production: p.production ? 'yes' : 'no' })}
            </option>
          ))}
        </select>
        <p id="project-hint" className="hint">
          <FormattedMessage id="tickets.newTicket.projectHint" />
        </p>
        <FieldError id="project-error" message={issueAt('project_id')} />
      </div>

      <div className="field">
        <label htmlFor="product">
          <FormattedMessage id="tickets.newTicket.product" />
        </label>
        <select id="product" value={product} onChange={(e) => setProduct(e.target.value)} aria-describedby="product-hint">
          <option value="">{intl.formatMessage({ id: 'tickets.newTicket.noProduct' }, { waits: forms.clock_start === 'on_intake_complete' ? 'yes' : 'no' })}</option>
          {forms.forms.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </select>
        <p id="product-hint" className="hint">
          {form?.description ?? intl.formatMessage({ id: 'tickets.newTicket.productHint' })}
          {form && forms.clock_start === 'on_intake_complete' && ` ${intl.formatMessage({ id: 'tickets.newTicket.clockWaits' })}`}
        </p>
        <FieldError id="product-error" message={issueAt('product')} />
      </div>

      <TextField
        id="description"
        label={descriptionField?.label ?? intl.formatMessage({ id: 'tickets.newTicket.description' })}
        value={description}
        onChange={setDescription}
        multiline
        required
        hint={descriptionField?.help}
        error={missing.has('description') ? intl.formatMessage({ id: 'tickets.newTicket.descriptionMissing' }) : (issueAt('description') ?? issueAt('intake.description'))}
      />

      {form && (
        <fieldset className="intake">
          <legend>
            <FormattedMessage id="tickets.newTicket.formDetails" values={{ form: form.name }} />
          </legend>
          {form.abridged && (
            <p className="hint">
              <FormattedMessage id="tickets.newTicket.abridged" values={{ explanation: form.abridged.explanation }} />
            </p>
          )}
          {form.fields
            .filter((f) => f.id !== 'description')
            .map((field) => (
              <IntakeInput
                key={field.id}
                field={field}
                value={values[field.id] ?? ''}
                onChange={(value) => setValues((v) => ({ ...v, [field.id]: value }))}
                context={context}
                serverError={issueAt(`intake.${field.id}`)}
              />
            ))}
          <FieldError id="intake-error" message={issueAt('intake')} />
        </fieldset>
      )}

      <PriorityChoice priorities={priorities} loadError={setup.prioritiesError} value={priority} onChange={setPriority} restriction={restriction ?? issueAt('priority')} />

      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {intl.formatMessage({ id: busy ? 'tickets.newTicket.sending' : 'tickets.newTicket.submit' })}
        </button>
      </div>
    </form>
  );
}

const KNOWN_FIELDS = new Set(['subject', 'description', 'project_id', 'product', 'priority', 'intake']);

function TextField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | null | undefined;
  hint?: string | undefined;
  multiline?: boolean;
  required?: boolean;
}) {
  const described = [props.hint ? `${props.id}-hint` : null, props.error ? `${props.id}-error` : null].filter(Boolean).join(' ') || undefined;
  const common = {
    id: props.id,
    value: props.value,
    'aria-invalid': props.error ? true : undefined,
    'aria-describedby': described,
    'aria-required': props.required || undefined,
  };
  return (
    <div className="field">
      <label htmlFor={props.id}>
        {props.label}
        {props.required && (
          <span className="required">
            {' '}
            <FormattedMessage id="shared.fields.required" />
          </span>
        )}
      </label>
      {props.multiline ? (
        <textarea rows={5} {...common} onChange={(e) => props.onChange(e.target.value)} />
      ) : (
        <input type="text" {...common} onChange={(e) => props.onChange(e.target.value)} />
      )}
      {props.hint && (
        <p id={`${props.id}-hint`} className="hint">
          {props.hint}
        </p>
      )}
      <FieldError id={`${props.id}-error`} message={props.error} />
    </div>
  );
}

function PriorityChoice({ priorities, loadError, value, onChange, restriction }: { priorities: PriorityInfo[] | null; loadError: string | null; value: string; onChange: (v: string) => void; restriction: string | null }) {
  const intl = useIntl();
  if (!priorities) {
    return (
      <div className="field">
        <p className="label">
          <FormattedMessage id="tickets.newTicket.priority" />
        </p>
        <ErrorNotice message={intl.formatMessage({ id: 'tickets.newTicket.prioritiesFailed' }, { reason: loadError ?? intl.formatMessage({ id: 'tickets.newTicket.unknownReason' }) })} />
      </div>
    );
  }
  return (
    <fieldset className="priorities" aria-describedby={restriction ? 'priority-error' : undefined}>
      <legend>
        <FormattedMessage id="tickets.newTicket.priority" />
      </legend>
      {priorities.map((p) => (
        <div key={p.id} className={`priority-option${value === p.id ? ' selected' : ''}`}>
          <input type="radio" id={`priority-${p.id}`} name="priority" value={p.id} checked={value === p.id} onChange={() => onChange(p.id)} aria-describedby={`priority-${p.id}-definition`} />
          <label htmlFor={`priority-${p.id}`}>
            <strong>
              {p.id} {p.name}
            </strong>
            {p.default && (
              <span className="muted">
                {' '}
                <FormattedMessage id="tickets.newTicket.defaultPriority" />
              </span>
            )}
            {p.production_only && (
              <span className="tag">
                <FormattedMessage id="tickets.newTicket.productionOnly" />
              </span>
            )}
          </label>
          <div id={`priority-${p.id}-definition`} className="definition">
            <p>{p.definition}</p>
            {p.examples.length > 0 && (
              <p className="muted">
                <FormattedMessage id="tickets.newTicket.examples" values={{ examples: p.examples.join('; ') }} />
              </p>
            )}
          </div>
        </div>
      ))}
      {restriction && (
        <p id="priority-error" className="field-error" role="alert">
          {restriction}
        </p>
      )}
    </fieldset>
  );
}
