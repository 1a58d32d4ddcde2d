import { type FormEvent, useState } from 'react';
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
  const store = storage();
  const [views, setViews] = useState<SavedView[]>(() => (store ? loadViews(store, userId) : []));
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const save = (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    if (!store) {
      setError('This browser does not allow saving; views cannot be kept here.');
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
    setNotice(`${result.replaced ? 'Updated' : 'Saved'} the view "${name.trim()}".`);
    setName('');
  };

  const remove = (view: SavedView) => {
    if (!store) return;
    setViews(deleteView(store, userId, view.name));
    setNotice(`Deleted the view "${view.name}".`);
  };

  return (
    <section className="saved-views" aria-labelledby="saved-views-heading">
      <h2 id="saved-views-heading" className="visually-hidden">
        Saved views
      </h2>
      <span aria-hidden="true">Saved views:</span>
      {views.length === 0 ? (
        <span className="muted">none yet</span>
      ) : (
        <ul aria-label="Saved views">
          {views.map((view) => (
            <li key={view.name}>
              <Link to={`/console?${view.query}`} aria-current={view.query === query ? 'true' : undefined}>
                {view.name}
              </Link>
              <button type="button" className="chip-delete" aria-label={`Delete the view ${view.name}`} onClick={() => remove(view)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="inline-form" onSubmit={save} noValidate>
        <label htmlFor="view-name">Save these filters as</label>
        <input
          id="view-name"
          type="text"
          size={14}
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'view-name-error' : undefined}
        />
        <button type="submit">Save view</button>
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
