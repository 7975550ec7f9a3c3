import { useEffect, useState } from 'react';

export type Fetched<T> = { status: 'loading' } | { status: 'failed'; error: unknown } | { status: 'ready'; value: T };

/** What `load` answers, fetched again when `key` changes or on `retry`; a 401 is the caller's to act on. */
export function useFetched<T>(load: () => Promise<T>, key: string): { state: Fetched<T>; retry: () => void } {
  const [state, setState] = useState<Fetched<T> & { key: string }>({ status: 'loading', key });
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
    // `load` is expected to be a fresh closure each render; `key` says what it loads.
  }, [key, attempt]);

  return { state: state.key === key ? state : { status: 'loading' }, retry: () => setAttempt((n) => n + 1) };
}
