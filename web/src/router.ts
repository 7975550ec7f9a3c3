import { useSyncExternalStore } from 'react';
import { isServerPath } from '../../schemas/src/server-paths.js';

/** Where the app is: the path and the History API state of the entry. */
export interface Location {
  path: string;
  state: unknown;
}

const listeners = new Set<() => void>();
let current: Location = read();
let navigations = 0;

function read(): Location {
  return { path: window.location.pathname, state: window.history.state as unknown };
}

function notify(): void {
  current = read();
  navigations++;
  for (const listener of listeners) listener();
}

/** Goes to a path within the app without reloading; `replace` rewrites the current history entry. */
export function navigate(path: string, options: { state?: unknown; replace?: boolean } = {}): void {
  const method = options.replace ? 'replaceState' : 'pushState';
  window.history[method](options.state ?? null, '', path);
  notify();
  if (!options.replace) window.scrollTo(0, 0);
}

/** True once the resident has moved within the app (then headings take focus so screen readers follow). */
export function hasNavigated(): boolean {
  return navigations > 0;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The current location; re-renders on every navigation and on the back and forward buttons. */
export function useLocation(): Location {
  return useSyncExternalStore(subscribe, () => current);
}

/** Turns clicks on same-origin links into in-app navigations (plain `<a href>` everywhere, no Link component). */
export function interceptLinks(root: HTMLElement): void {
  window.addEventListener('popstate', notify);
  root.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = (event.target as Element | null)?.closest?.('a');
    if (!anchor || anchor.target || anchor.hasAttribute('download')) return;
    const href = anchor.getAttribute('href');
    // The server's own pages (an action link, the sign-in page) load from the server, not as app routes.
    if (!href || !href.startsWith('/') || href.startsWith('//') || isServerPath(href)) return;
    event.preventDefault();
    if (href !== window.location.pathname) navigate(href);
  });
}
