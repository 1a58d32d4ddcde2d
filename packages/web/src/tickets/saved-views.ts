/** Queue filters saved by name in the browser's local storage, one list per signed-in person. */
import { activeIntl } from '../i18n/active.js';

export interface SavedView {
  name: string;
  /** The queue's query string, without `?` (`assignee=mine&priority=P1`). */
  query: string;
}

export interface ViewStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const MAX_NAME = 60;

export function storageKey(userId: string): string {
  return `hourglass:saved-views:${userId}`;
}

/** The saved views; an unreadable or foreign entry counts as none. */
export function loadViews(store: ViewStore, userId: string): SavedView[] {
  let data: unknown;
  try {
    data = JSON.parse(store.getItem(storageKey(userId)) ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(data)) return [];
  return data.filter((v): v is SavedView => typeof v?.name === 'string' && typeof v?.query === 'string' && v.name.trim() !== '');
}

/** Why a view cannot be saved under `name` with `query`; null when it can. */
export function viewProblem(name: string, query: string): string | null {
  const intl = activeIntl();
  if (name.trim() === '') return intl.formatMessage({ id: 'tickets.savedViews.nameMissing' });
  if (name.trim().length > MAX_NAME) return intl.formatMessage({ id: 'tickets.savedViews.nameTooLong' }, { max: MAX_NAME });
  if (query === '') return intl.formatMessage({ id: 'tickets.savedViews.noFilter' });
  return null;
}

/** Saves (or replaces, by name, ignoring case) a view; answers the new list and whether it replaced one. */
export function saveView(store: ViewStore, userId: string, view: SavedView): { views: SavedView[]; replaced: boolean } {
  const name = view.name.trim();
  const current = loadViews(store, userId);
  const replaced = current.some((v) => v.name.toLowerCase() === name.toLowerCase());
  const views = [...current.filter((v) => v.name.toLowerCase() !== name.toLowerCase()), { name, query: view.query }].sort((a, b) => a.name.localeCompare(b.name));
  store.setItem(storageKey(userId), JSON.stringify(views));
  return { views, replaced };
}

export function deleteView(store: ViewStore, userId: string, name: string): SavedView[] {
  const views = loadViews(store, userId).filter((v) => v.name !== name);
  store.setItem(storageKey(userId), JSON.stringify(views));
  return views;
}
