/**
 * Where to go after signing in: the page that asked for it, when it is a page of this desk. Only a
 * same-origin path is followed; anything that could leave the site (`//evil.example`,
 * `https://…`, `/\evil`, `javascript:…`) is refused, so a link cannot send a person elsewhere.
 */
export function safeReturnPath(next: string | null | undefined, origin: string): string | null {
  if (!next || next.length > 2000) return null;
  // A path of this site: one leading slash, no backslash (browsers read "\" as "/"), no control characters.
  if (!next.startsWith('/') || next.startsWith('//') || next.includes('\\') || /[\u0000-\u001f\u007f]/.test(next)) return null;
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return null;
  }
  if (url.origin !== new URL(origin).origin) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Signing in again is no destination.
  if (url.pathname === '/login' || url.pathname === '/') return null;
  return path;
}

/** The sign-in page's address for a visitor who asked for `path` (path, query and hash). */
export function loginPathFor(path: string): string {
  return path === '/' || path.startsWith('/login') ? '/login' : `/login?next=${encodeURIComponent(path)}`;
}
