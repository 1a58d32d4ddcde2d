import { type FormEvent, useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import { http, ok } from '../api/http.js';
import { Await } from '../shared/feedback.js';
import { errorsFrom, FieldError, type FieldErrors, FormActions } from '../shared/fields.js';
import { usePageTitle } from '../shared/hooks.js';
import { useWrite } from '../shared/query.js';
import { useSession } from '../session/session.js';
import { byGroup, chosenComponents } from './choice.js';
import { statusSubscriptionKeys, statusSubscriptionQuery, type StatusSubscriptionView } from './queries.js';

/**
 * The portal's page for status updates by email: the person's own address (their account's, so no
 * confirmation is needed), all components or the ones they tick; saving subscribes or changes the
 * choice, and Unsubscribe ends it.
 */
export function StatusSubscriptionPage() {
  const intl = useIntl();
  const heading = usePageTitle(intl.formatMessage({ id: 'statusSubscriptions.portal.title' }));
  const query = useQuery(statusSubscriptionQuery);
  return (
    <div className="page">
      <h1 ref={heading} tabIndex={-1}>
        <FormattedMessage id="statusSubscriptions.portal.title" />
      </h1>
      <Await query={query} label={intl.formatMessage({ id: 'statusSubscriptions.portal.loading' })}>
        {(view) => <SubscriptionForm view={view} />}
      </Await>
      <ul className="plain">
        <li>
          <a href="/status">
            <FormattedMessage id="statusSubscriptions.portal.statusPage" />
          </a>
        </li>
        <li>
          <a href="/status/subscribe">
            <FormattedMessage id="statusSubscriptions.portal.webhookLink" />
          </a>
        </li>
      </ul>
    </div>
  );
}

function SubscriptionForm({ view }: { view: StatusSubscriptionView }) {
  const intl = useIntl();
  const { user } = useSession();
  const subscribed = view.subscription !== null;
  const [all, setAll] = useState(view.subscription?.component_ids == null);
  const [ticked, setTicked] = useState<Set<string>>(new Set(view.subscription?.component_ids ?? []));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<'saved' | 'unsubscribed' | null>(null);
  useEffect(() => {
    setAll(view.subscription?.component_ids == null);
    setTicked(new Set(view.subscription?.component_ids ?? []));
  }, [view.subscription]);

  const save = useWrite((componentIds: string[] | null) => ok(http.PUT('/api/v1/status/subscriptions', { body: { component_ids: componentIds } })), () => [statusSubscriptionKeys.all]);
  const end = useWrite(() => ok(http.DELETE('/api/v1/status/subscriptions')), () => [statusSubscriptionKeys.all]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const chosen = chosenComponents(all, ticked, view.components);
    if (chosen !== null && chosen.length === 0) {
      setErrors({ component_ids: intl.formatMessage({ id: 'statusSubscriptions.portal.noneChosen' }) });
      return;
    }
    setErrors({});
    setBusy(true);
    setDone(null);
    try {
      await save.mutateAsync(chosen);
      setDone('saved');
    } catch (caught) {
      setErrors(errorsFrom(caught, ['component_ids']));
    } finally {
      setBusy(false);
    }
  };
  const unsubscribe = async () => {
    setBusy(true);
    setDone(null);
    try {
      await end.mutateAsync(undefined);
      setDone('unsubscribed');
    } catch (caught) {
      setErrors(errorsFrom(caught, []));
    } finally {
      setBusy(false);
    }
  };
  const toggle = (id: string, on: boolean) =>
    setTicked((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <>
      <p>
        <FormattedMessage id="statusSubscriptions.portal.intro" values={{ email: user.email }} />
      </p>
      <p className="notice" role="status">
        {done === 'saved' && <FormattedMessage id="statusSubscriptions.portal.saved" />}
        {done === 'unsubscribed' && <FormattedMessage id="statusSubscriptions.portal.unsubscribed" />}
        {done === null && <FormattedMessage id={subscribed ? 'statusSubscriptions.portal.subscribed' : 'statusSubscriptions.portal.notSubscribed'} />}
      </p>
      <form className="stacked-form" onSubmit={submit} noValidate aria-label={intl.formatMessage({ id: 'statusSubscriptions.portal.title' })}>
        <fieldset aria-describedby={errors.component_ids ? 'status-components-error' : undefined}>
          <legend>
            <FormattedMessage id="statusSubscriptions.portal.components" />
          </legend>
          <ul className="plain checks">
            <li>
              <label>
                <input type="radio" name="status-components" checked={all} onChange={() => setAll(true)} /> <FormattedMessage id="statusSubscriptions.portal.all" />
              </label>
            </li>
            <li>
              <label>
                <input type="radio" name="status-components" checked={!all} onChange={() => setAll(false)} /> <FormattedMessage id="statusSubscriptions.portal.chosen" />
              </label>
              <ul className="plain checks">
                {byGroup(view.components).map(({ group, items }) => {
                  const boxes = items.map((component) => (
                    <li key={component.id}>
                      <label>
                        <input
                          type="checkbox"
                          checked={ticked.has(component.id)}
                          onChange={(e) => {
                            toggle(component.id, e.target.checked);
                            setAll(false);
                          }}
                        />{' '}
                        {component.name}
                      </label>
                    </li>
                  ));
                  return group === null ? (
                    boxes
                  ) : (
                    <li key={`group-${group}`}>
                      {group}
                      <ul className="plain checks">{boxes}</ul>
                    </li>
                  );
                })}
              </ul>
            </li>
          </ul>
          <FieldError id="status-components-error" message={errors.component_ids} />
        </fieldset>
        <FormActions label={intl.formatMessage({ id: subscribed ? 'statusSubscriptions.portal.save' : 'statusSubscriptions.portal.subscribe' })} busy={busy} error={errors['']} />
      </form>
      {subscribed && (
        <p>
          <button type="button" onClick={() => void unsubscribe()} disabled={busy}>
            <FormattedMessage id="statusSubscriptions.portal.unsubscribe" />
          </button>
        </p>
      )}
    </>
  );
}
