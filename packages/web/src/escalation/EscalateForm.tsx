import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { FormattedMessage, type IntlShape, useIntl } from 'react-intl';
import { ApiError, fieldOf, messageOf } from '../api/client.js';
import { http, idempotent, ok } from '../api/http.js';
import type { EscalationRoute } from '../api/types.js';
import { ErrorNotice } from '../shared/feedback.js';
import { useActionKey } from '../shared/hooks.js';
import { useWrite } from '../shared/query.js';
import { ticketKeys } from '../tickets/queries.js';
import { durationText } from './EscalationList.js';
import type { EscalationOffer } from './status.js';

type Errors = { via?: string; reason?: string; note?: string; form?: string };
const FIELDS = new Set(['via', 'reason', 'note']);

interface Props {
  ticketId: string;
  offer: EscalationOffer;
  onDone: () => void;
  onCancel: () => void;
}

/** The escalation itself: the route (when the account has a growth manager), one of the policy's reasons, an optional note. */
export function EscalateForm({ ticketId, offer, onDone, onCancel }: Props) {
  const intl = useIntl();
  const [via, setVia] = useState<EscalationRoute>(offer.support ? 'support' : 'growth_manager');
  const [reason, setReason] = useState('');
  const [why, setWhy] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const action = useActionKey();
  const escalate = useWrite(({ key, body }: { key: string; body: { reason: string; note?: string; via?: EscalationRoute } }) => ok(http.POST('/api/v1/tickets/{id}/escalations', { params: { path: { id: ticketId } }, body, headers: idempotent(key) })), () => [ticketKeys.all]);
  const form = useRef<HTMLFormElement | null>(null);
  const chooseRoute = offer.support !== null && offer.growthManager !== null;
  useEffect(() => form.current?.querySelector<HTMLElement>('[data-field]')?.focus(), []);

  const fail = (found: Errors) => {
    setErrors(found);
    const first = found.via ? 'via' : found.reason ? 'reason' : found.note ? 'note' : null;
    if (first) form.current?.querySelector<HTMLElement>(`[data-field="${first}"]`)?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const text = via === 'support' ? reason : why.trim();
    if (text === '') {
      fail({ reason: via === 'support' ? intl.formatMessage({ id: 'escalation.form.chooseReason' }) : intl.formatMessage({ id: 'escalation.form.sayWhy' }) });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const body = { reason: text, ...(note.trim() !== '' && { note }), ...(via === 'growth_manager' && { via }) };
      await action.run((key) => escalate.mutateAsync({ key, body }));
      onDone();
    } catch (caught) {
      const found = errorsFrom(caught);
      if (found.via && !chooseRoute) fail({ form: found.via, ...(found.reason && { reason: found.reason }), ...(found.note && { note: found.note }) });
      else fail(found);
    } finally {
      setBusy(false);
    }
  };

  const invalid = (field: keyof Errors) => (errors[field] ? { 'aria-invalid': true as const, 'aria-describedby': `escalation-${field}-error` } : {});
  return (
    <form ref={form} className="stacked-form" onSubmit={submit} noValidate aria-labelledby="escalate-form-heading">
      <h3 id="escalate-form-heading">
        <FormattedMessage id="escalation.form.heading" />
      </h3>
      {chooseRoute && offer.growthManager && (
        <fieldset>
          <legend>
            <FormattedMessage id="escalation.form.route" />
          </legend>
          <Radio name="escalation-via" value="support" checked={via === 'support'} onChange={() => setVia('support')} field="via" extra={invalid('via')}>
            <FormattedMessage id="escalation.form.routeSupport" />
          </Radio>
          <Radio name="escalation-via" value="growth_manager" checked={via === 'growth_manager'} onChange={() => setVia('growth_manager')} extra={invalid('via')}>
            <FormattedMessage id="escalation.form.routeGrowthManager" values={{ tier: offer.growthManager.tier }} />
          </Radio>
          <FieldError field="via" errors={errors} />
        </fieldset>
      )}
      {via === 'support' && offer.support ? (
        <fieldset>
          <legend>
            <FormattedMessage id="escalation.form.reasons" />
          </legend>
          {offer.support.reasons.map((r, index) => (
            <Radio key={r.id} name="escalation-reason" value={r.id} checked={reason === r.id} onChange={() => setReason(r.id)} {...(index === 0 && { field: 'reason' })} extra={invalid('reason')}>
              {r.label}
            </Radio>
          ))}
          <FieldError field="reason" errors={errors} />
        </fieldset>
      ) : (
        <div className="field">
          <label htmlFor="escalation-why">
            <FormattedMessage id="escalation.form.why" />
          </label>
          <textarea id="escalation-why" data-field="reason" rows={2} value={why} onChange={(e) => setWhy(e.target.value)} {...invalid('reason')} />
          <FieldError field="reason" errors={errors} />
        </div>
      )}
      <div className="field">
        <label htmlFor="escalation-note">
          <FormattedMessage id="escalation.form.note" values={{ optional: (text: ReactNode[]) => <span className="required">{text}</span> }} />
        </label>
        <p id="escalation-note-hint" className="hint">
          <FormattedMessage id="escalation.form.noteHint" />
        </p>
        <textarea
          id="escalation-note"
          data-field="note"
          rows={3}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          aria-invalid={errors.note ? true : undefined}
          aria-describedby={errors.note ? 'escalation-note-hint escalation-note-error' : 'escalation-note-hint'}
        />
        <FieldError field="note" errors={errors} />
      </div>
      <p className="hint">{consequence(via, offer, intl)}</p>
      {errors.form && <ErrorNotice message={errors.form} />}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          <FormattedMessage id="escalation.form.confirm" />
        </button>
        <button type="button" onClick={onCancel}>
          <FormattedMessage id="shared.fields.cancel" />
        </button>
      </div>
    </form>
  );
}

function Radio(props: { name: string; value: string; checked: boolean; onChange: () => void; field?: string; extra: object; children: ReactNode }) {
  const id = `${props.name}-${props.value}`;
  return (
    <div className="choice">
      <input type="radio" id={id} name={props.name} value={props.value} checked={props.checked} onChange={props.onChange} data-field={props.field} {...props.extra} />
      <label htmlFor={id}>{props.children}</label>
    </div>
  );
}

function FieldError({ field, errors }: { field: keyof Errors; errors: Errors }) {
  if (!errors[field]) return null;
  return (
    <p id={`escalation-${field}-error`} className="field-error">
      {errors[field]}
    </p>
  );
}

/** Who is alerted on confirming, and when a response is due. */
function consequence(via: EscalationRoute, offer: EscalationOffer, intl: IntlShape): string {
  if (via === 'growth_manager') return intl.formatMessage({ id: 'escalation.form.alertsGrowthManager' });
  const target = offer.support?.target;
  if (!target) return intl.formatMessage({ id: 'escalation.form.alertsSupport' });
  return intl.formatMessage(
    { id: 'escalation.form.alertsSupportWithTarget' },
    { duration: durationText(target.duration, intl), counted: target.calendar === '24x7' ? 'aroundTheClock' : 'calendar', calendar: target.calendar },
  );
}

/** The service's refusal at the fields it names (`body.reason`), anything else for the whole form. */
function errorsFrom(caught: unknown): Errors {
  if (!(caught instanceof ApiError)) return { form: messageOf(caught) };
  const found: Errors = {};
  for (const issue of caught.issues) {
    const field = fieldOf(issue.path);
    if (FIELDS.has(field)) {
      const key = field as 'via' | 'reason' | 'note';
      found[key] = found[key] ? `${found[key]} ${issue.message}` : issue.message;
    }
  }
  if (!found.via && !found.reason && !found.note) found.form = caught.message;
  return found;
}
