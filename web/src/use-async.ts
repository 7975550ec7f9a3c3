import { useEffect, useState } from 'react';

export type AsyncState<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'failed'; error: unknown };

type Keyed<T> = AsyncState<T> & { key: string };

/** Runs `load` whenever `key` changes and tracks its result; `retry` runs it again. */
export function useAsync<T>(load: () => Promise<T>, key: string): [AsyncState<T>, () => void] {
  const [state, setState] = useState<Keyed<T>>({ status: 'loading', key });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setState({ status: 'loading', key });
    load().then(
      (value) => live && setState({ status: 'ready', value, key }),
      (error: unknown) => live && setState({ status: 'failed', error, key }),
    );
    return () => {
      live = false;
    };
    // `load` is a new closure on every render; `key` says when it asks for something new.
  }, [key, attempt]);
  // A result for an earlier key is never shown for the new one, not even for the render before the effect runs.
  return [state.key === key ? state : { status: 'loading' }, () => setAttempt((n) => n + 1)];
}
