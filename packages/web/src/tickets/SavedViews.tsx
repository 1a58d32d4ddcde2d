import { type FormEvent, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'wouter';
import { deleteView, loadViews, type SavedView, saveView, viewProblem } from './saved-views.js';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The queue's saved views (links that apply their filters) and a form to save the current filters by name. */
export function SavedViews({ userId, query }: { userId: string; query: string }) {
  const intl = useIntl();
  const store = storage();
  const [views, setViews] = useState<SavedView[]>(() => (store ? loadViews(store, userId) : []));
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const save = (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    if (!store) {
      setError(intl.formatMessage({ id: 'tickets.savedViews.noStorage' }));
      return;
    }
    const problem = viewProblem(name, query);
    if (problem) {
      setError(problem);
      return;
    }
    const result = saveView(store, userId, { name, query });
    setViews(result.views);
    setError(null);
    setNotice(intl.formatMessage({ id: 'tickets.savedViews.saved' }, { name: name.trim(), replaced: result.replaced ? 'yes' : 'no' }));
    setName('');
  };

  const remove = (view: SavedView) => {
    if (!store) return;
    setViews(deleteView(store, userId, view.name));
    setNotice(intl.formatMessage({ id: 'tickets.savedViews.deleted' }, { name: view.name }));
  };

  return (
    <section className="saved-views" aria-labelledby="saved-views-heading">
      <h2 id="saved-views-heading" className="visually-hidden">
        <FormattedMessage id="tickets.savedViews.heading" />
      </h2>
      <span aria-hidden="true">
        <FormattedMessage id="tickets.savedViews.lead" />
      </span>
      {views.length === 0 ? (
        <span className="muted">
          <FormattedMessage id="tickets.savedViews.empty" />
        </span>
      ) : (
        <ul aria-label={intl.formatMessage({ id: 'tickets.savedViews.heading' })}>
          {views.map((view) => (
            <li key={view.name}>
              <Link to={`/console?${view.query}`} aria-current={view.query === query ? 'true' : undefined}>
                {view.name}
              </Link>
              <button type="button" className="chip-delete" aria-label={intl.formatMessage({ id: 'tickets.savedViews.delete' }, { name: view.name })} onClick={() => remove(view)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="inline-form" onSubmit={save} noValidate>
        <label htmlFor="view-name">
          <FormattedMessage id="tickets.savedViews.nameLabel" />
        </label>
        <input
          id="view-name"
          type="text"
          size={14}
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'view-name-error' : undefined}
        />
        <button type="submit">
          <FormattedMessage id="tickets.savedViews.save" />
        </button>
        {error && (
          <span id="view-name-error" className="field-error" role="alert">
            {error}
          </span>
        )}
        {notice && (
          <span role="status" className="ok-text">
            {notice}
          </span>
        )}
      </form>
    </section>
  );
}
