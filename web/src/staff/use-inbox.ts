import { useEffect, useRef, useState } from 'react';
import { fetchInbox, type InboxItem } from './staff-api.js';

export type InboxState =
  | { status: 'loading' }
  | { status: 'failed'; error: unknown }
  | { status: 'ready'; items: InboxItem[]; cursor?: string; more?: 'loading' | { error: unknown } };

type Keyed = InboxState & { query: string };

/** The inbox for an API query: its first page, then "load more" pages appended by cursor. */
export function useInbox(query: string): { state: InboxState; retry: () => void; loadMore: () => Promise<number | undefined> } {
  const [state, setState] = useState<Keyed>({ status: 'loading', query });
  const [attempt, setAttempt] = useState(0);
  const current = useRef(state);
  current.current = state;

  useEffect(() => {
    let live = true;
    setState({ status: 'loading', query });
    fetchInbox(query).then(
      (page) => live && setState({ status: 'ready', items: page.items, cursor: page.cursor, query }),
      (error: unknown) => live && setState({ status: 'failed', error, query }),
    );
    return () => {
      live = false;
    };
  }, [query, attempt]);

  /** Appends the next page; resolves to the index of its first item (to move focus there), if any came. */
  async function loadMore(): Promise<number | undefined> {
    const before = current.current;
    if (before.status !== 'ready' || !before.cursor || before.more === 'loading' || before.query !== query) return undefined;
    setState({ ...before, more: 'loading' });
    const params = new URLSearchParams(query);
    params.set('cursor', before.cursor);
    try {
      const page = await fetchInbox(params.toString());
      if (current.current.query !== query) return undefined;
      setState({ status: 'ready', query, items: [...before.items, ...page.items], cursor: page.cursor });
      return page.items.length ? before.items.length : undefined;
    } catch (error) {
      if (current.current.query === query) setState({ ...before, more: { error } });
      return undefined;
    }
  }

  const shown: InboxState = state.query === query ? state : { status: 'loading' };
  return { state: shown, retry: () => setAttempt((n) => n + 1), loadMore };
}
