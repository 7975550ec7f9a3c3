import type { KeyValueStore } from './draft.js';

function memoryStore(): KeyValueStore {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

function usable(get: () => Storage): KeyValueStore | undefined {
  try {
    const storage = get();
    storage.setItem('koto:probe', '1');
    storage.removeItem('koto:probe');
    return storage;
  } catch {
    return undefined;
  }
}

/** The device's storage (localStorage), or memory when the browser refuses it (private mode, settings). */
export const deviceStore: KeyValueStore = usable(() => window.localStorage) ?? memoryStore();

/** This tab's storage (sessionStorage), or memory. */
export const tabStore: KeyValueStore = usable(() => window.sessionStorage) ?? memoryStore();
