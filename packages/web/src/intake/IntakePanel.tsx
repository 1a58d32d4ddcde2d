import type { RuleCode } from '@hourglass/rules';
import { type FormEvent, useMemo, useState } from 'react';
import { FormattedMessage, type IntlShape, useIntl } from 'react-intl';
import { ApiError, fieldOf, messageOf } from '../api/client.js';
import { http, ok } from '../api/http.js';
import type { IntakeForms, Ticket, TicketIntake } from '../api/types.js';
import { ErrorNotice } from '../shared/feedback.js';
import { useQuery } from '@tanstack/react-query';
import { ticketKeys } from '../tickets/queries.js';
import { FieldError, IntakeInput, toInstant } from './IntakeInput.js';
import { messageValues, verdictText } from './verdict-text.js';

async function loadIntake(ticket: Ticket, signal: AbortSignal): Promise<{ intake: TicketIntake; forms: IntakeForms }> {
  const [intake, forms] = await Promise.all([
    ok(http.GET('/api/v1/tickets/{id}/intake', { params: { path: { id: ticket.id } }, signal })),
    // The forms of the pack version the ticket was opened under.
    ok(http.GET('/api/v1/intake-forms', { params: { query: { pack: ticket.pack_id, at: ticket.created_at } }, signal })),
  ]);
  return { intake, forms };
}

/**
 * What a ticket's intake still needs, in words, with a form to add it: for a customer of the
 * account and for staff. Completing it starts the response clocks that wait for it.
 */
export function IntakePanel({ ticket, onCompleted }: { ticket: Ticket; onCompleted: (ticket: Ticket) => void }) {
  const intl = useIntl();
  const loaded = useQuery({ queryKey: ticketKeys.intake(ticket.id, ticket.updated_at), queryFn: ({ signal }) => loadIntake(ticket, signal) });
  if (ticket.intake_complete || ticket.status === 'closed') return null;
  return (
    <section aria-labelledby="intake-heading" className="panel intake-panel">
      <h2 id="intake-heading">
        <FormattedMessage id="intake.panel.heading" />
      </h2>
      {loaded.isPending && (
        <p className="muted">
          <FormattedMessage id="intake.panel.loading" />
        </p>
      )}
      {loaded.isError && <ErrorNotice message={intl.formatMessage({ id: 'intake.panel.loadFailed' }, { reason: messageOf(loaded.error) })} onRetry={() => void loaded.refetch()} />}
      {loaded.isSuccess && <IntakeForm ticket={ticket} intake={loaded.data.intake} forms={loaded.data.forms} onCompleted={onCompleted} />}
    </section>
  );
}

function IntakeForm({ ticket, intake, forms, onCompleted }: { ticket: Ticket; intake: TicketIntake; forms: IntakeForms; onCompleted: (ticket: Ticket) => void }) {
  const intl = useIntl();
  const [product, setProduct] = useState(intake.form?.id ?? '');
  const [values, setValues] = useState<Record<string, string>>(() => initialValues(intake, ticket));
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = forms.forms.find((f) => f.id === product);
  const waits = intake.clock_start === 'on_intake_complete';
  // Recency is measured back from the ticket's opening, as the service checks it; each field is judged with the whole form.
  const context = useMemo(
    () => ({ now: Date.parse(ticket.created_at), sidHexLength: forms.sid_format?.hex_length, sidKinds: forms.sid_format?.kinds, form, values }),
    [ticket.created_at, forms.sid_format, form, values],
  );
  const missing = new Set(intake.missing.map((m) => m.field));
  const sameForm = product === intake.form?.id;
  // For the form already chosen, the fields still missing or unusable; for a newly chosen one, all of them.
  const fields = form ? form.fields.filter((f) => !sameForm || missing.has(f.id) || missing.has('form')) : [];
  const issueAt = (field: string) => error?.issuesAt(field).map((i) => i.message).join(' ') || null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!form) {
      const choose = intl.formatMessage({ id: 'intake.panel.chooseTopic' });
      setError(new ApiError(400, 'validation_failed', intl.formatMessage({ id: 'intake.panel.chooseTopicFirst' }), [{ path: 'body.product', message: choose }]));
      return;
    }
    const changes: Record<string, string> = {};
    for (const field of fields) {
      const value = values[field.id] ?? '';
      if (value.trim() !== '') changes[field.id] = field.type === 'datetime' ? toInstant(value) : value;
    }
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const answer = await ok(http.PATCH('/api/v1/tickets/{id}/intake', { params: { path: { id: ticket.id } }, body: { ...(!sameForm && { product }), values: changes } }));
      setNotice(answer.ticket.intake_complete ? null : intl.formatMessage({ id: 'intake.panel.savedIncomplete' }));
      onCompleted(answer.ticket);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'error', messageOf(caught)));
    } finally {
      setBusy(false);
    }
  };

  const other = error?.issues.filter((i) => !fields.some((f) => fieldOf(i.path) === `values.${f.id}`) && fieldOf(i.path) !== 'product') ?? [];
  return (
    <>
      <p>
        <FormattedMessage id={waits ? 'intake.panel.waitsForDetails' : 'intake.panel.stillMissing'} />
      </p>
      <ul className="intake-missing">
        {intake.missing.map((gap) => {
          const text = gapText(intl, gap);
          return (
            <li key={gap.field + gap.message}>
              <strong>{gap.field === 'product' ? intl.formatMessage({ id: 'intake.panel.topicLabel' }) : gap.label}</strong>
              {text && <span>: {text}</span>}
            </li>
          );
        })}
      </ul>
      <form onSubmit={submit} noValidate className="ticket-form" aria-label={intl.formatMessage({ id: 'intake.panel.formLabel' })}>
        {error && <ErrorNotice message={intl.formatMessage({ id: 'intake.panel.notSaved' }, { reason: error.message })} issues={other} />}
        {(intake.form === null || intake.forms.length > 1) && (
          <div className="field">
            <label htmlFor="intake-product">
              <FormattedMessage id="intake.panel.topicLabel" />
            </label>
            <select id="intake-product" value={product} onChange={(e) => setProduct(e.target.value)} aria-invalid={issueAt('product') ? true : undefined} aria-describedby={issueAt('product') ? 'intake-product-error' : undefined}>
              {intake.form === null && <option value="">{intl.formatMessage({ id: 'intake.input.chooseOption' })}</option>}
              {intake.forms.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name}
                </option>
              ))}
            </select>
            <FieldError id="intake-product-error" message={issueAt('product')} />
          </div>
        )}
        {fields.map((field) => (
          <IntakeInput
            key={field.id}
            field={field}
            value={values[field.id] ?? ''}
            onChange={(value) => setValues((v) => ({ ...v, [field.id]: value }))}
            context={context}
            serverError={issueAt(`values.${field.id}`)}
          />
        ))}
        {notice && (
          <p className="notice notice-warning" role="status">
            {notice}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            <FormattedMessage id={busy ? 'intake.panel.saving' : 'intake.panel.save'} />
          </button>
        </div>
      </form>
    </>
  );
}

/**
 * What one gap still needs, in the reader's language: the intake rules' verdict through the catalog
 * (nothing more than the label for a plain required field); the service's words for a verdict this
 * page does not know.
 */
function gapText(intl: IntlShape, gap: TicketIntake['missing'][number]): string | null {
  if (gap.code === 'intake.field.required') return null;
  if (gap.field === 'product') return intl.formatMessage({ id: 'intake.panel.chooseTopicFrom' }, messageValues(intl, gap.args));
  if (gap.code !== null && gap.code in intl.messages) return verdictText(intl, { code: gap.code as RuleCode, args: gap.args });
  return gap.message;
}

/** The values given so far, as the inputs show them; the ticket's description fills an empty description field. */
function initialValues(intake: TicketIntake, ticket: Ticket): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(intake.values)) {
    if (typeof value === 'string') values[key] = value;
    else if (Array.isArray(value)) values[key] = value.join('\n');
  }
  values.description ??= ticket.description;
  return values;
}
