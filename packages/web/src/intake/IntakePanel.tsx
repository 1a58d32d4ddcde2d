import { type FormEvent, useMemo, useState } from 'react';
import { ApiError, fieldOf, messageOf } from '../api/client.js';
import { http, ok } from '../api/http.js';
import type { IntakeForms, Ticket, TicketIntake } from '../api/types.js';
import { ErrorNotice } from '../shared/feedback.js';
import { useQuery } from '@tanstack/react-query';
import { ticketKeys } from '../tickets/queries.js';
import { FieldError, IntakeInput, toInstant } from './IntakeInput.js';

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
  const loaded = useQuery({ queryKey: ticketKeys.intake(ticket.id, ticket.updated_at), queryFn: ({ signal }) => loadIntake(ticket, signal) });
  if (ticket.intake_complete || ticket.status === 'closed') return null;
  return (
    <section aria-labelledby="intake-heading" className="panel intake-panel">
      <h2 id="intake-heading">Details needed</h2>
      {loaded.isPending && <p className="muted">Loading what is missing…</p>}
      {loaded.isError && <ErrorNotice message={`Could not load what is missing: ${messageOf(loaded.error)}`} onRetry={() => void loaded.refetch()} />}
      {loaded.isSuccess && <IntakeForm ticket={ticket} intake={loaded.data.intake} forms={loaded.data.forms} onCompleted={onCompleted} />}
    </section>
  );
}

function IntakeForm({ ticket, intake, forms, onCompleted }: { ticket: Ticket; intake: TicketIntake; forms: IntakeForms; onCompleted: (ticket: Ticket) => void }) {
  const [product, setProduct] = useState(intake.form?.id ?? '');
  const [values, setValues] = useState<Record<string, string>>(() => initialValues(intake, ticket));
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = forms.forms.find((f) => f.id === product);
  const waits = intake.clock_start === 'on_intake_complete';
  // Recency is measured back from the ticket's opening, as the service checks it.
  const context = useMemo(() => ({ now: Date.parse(ticket.created_at), sidHexLength: forms.sid_format?.hex_length, sidKinds: forms.sid_format?.kinds }), [ticket.created_at, forms.sid_format]);
  const missing = new Set(intake.missing.map((m) => m.field));
  const sameForm = product === intake.form?.id;
  // For the form already chosen, the fields still missing or unusable; for a newly chosen one, all of them.
  const fields = form ? form.fields.filter((f) => !sameForm || missing.has(f.id) || missing.has('form')) : [];
  const issueAt = (field: string) => error?.issuesAt(field).map((i) => i.message).join(' ') || null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!form) {
      setError(new ApiError(400, 'validation_failed', 'Choose what the ticket is about first.', [{ path: 'body.product', message: 'Choose what the ticket is about.' }]));
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
      setNotice(answer.ticket.intake_complete ? null : 'Saved. Some details are still missing; see the list above.');
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
        {waits
          ? 'The response time starts counting once these details are complete. Still missing:'
          : 'These details are still missing:'}
      </p>
      <ul className="intake-missing">
        {intake.missing.map((gap) => (
          <li key={gap.field + gap.message}>
            <strong>{gap.label}</strong>
            {gap.message !== `${gap.label} is required.` && <span>: {gap.message.startsWith(gap.label) ? gap.message.slice(gap.label.length).replace(/^[:\s]+/, '') : gap.message}</span>}
          </li>
        ))}
      </ul>
      <form onSubmit={submit} noValidate className="ticket-form" aria-label="Complete the details">
        {error && <ErrorNotice message={`The details are not saved yet: ${error.message}`} issues={other} />}
        {(intake.form === null || intake.forms.length > 1) && (
          <div className="field">
            <label htmlFor="intake-product">What the ticket is about</label>
            <select id="intake-product" value={product} onChange={(e) => setProduct(e.target.value)} aria-invalid={issueAt('product') ? true : undefined} aria-describedby={issueAt('product') ? 'intake-product-error' : undefined}>
              {intake.form === null && <option value="">Choose…</option>}
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
            {busy ? 'Saving…' : 'Save the details'}
          </button>
        </div>
      </form>
    </>
  );
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
