import { describe, expect, it } from 'vitest';
import {
  clearDraft,
  DRAFT_MAX_AGE_MS,
  draftKey,
  hasAnswers,
  knownAnswers,
  readDraft,
  readTabAnswers,
  splitForDevice,
  writeDraft,
  writeTabAnswers,
  type Draft,
  type KeyValueStore,
} from '../../web/src/resident/draft.js';

function fakeStore(overrides: Partial<KeyValueStore> = {}): KeyValueStore & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, v),
    removeItem: (k) => void items.delete(k),
    ...overrides,
  };
}

const now = Date.UTC(2026, 0, 15);
const draft = (overrides: Partial<Draft> = {}): Draft => ({
  formVersion: 1,
  savedAt: now,
  answers: { fullName: 'Amina' },
  position: 1,
  ...overrides,
});
const key = draftKey('heinola', 'guidance');

describe('drafts on the device', () => {
  it('are kept per municipality and form', () => {
    expect(key).toBe('koto:draft:heinola:guidance');
  });

  it('are read back as written', () => {
    const store = fakeStore();
    writeDraft(store, key, draft({ pending: { key: 'k-1', body: '{}' } }));
    expect(readDraft(store, key, now + 1000)).toEqual(draft({ pending: { key: 'k-1', body: '{}' } }));
  });

  it('expire after 24 hours (devices are shared) and are then removed', () => {
    expect(DRAFT_MAX_AGE_MS).toBe(24 * 3_600_000);
    const store = fakeStore();
    writeDraft(store, key, draft());
    expect(readDraft(store, key, now + DRAFT_MAX_AGE_MS + 1)).toBeUndefined();
    expect(store.items.has(key)).toBe(false);
  });

  it('are dropped when unreadable', () => {
    const store = fakeStore();
    store.items.set(key, '{not json');
    expect(readDraft(store, key, now)).toBeUndefined();
    store.items.set(key, JSON.stringify({ answers: [], position: 'somewhere' }));
    expect(readDraft(store, key, now)).toBeUndefined();
    expect(store.items.has(key)).toBe(false);
  });

  it('fail quietly when the device refuses storage', () => {
    const refusing = fakeStore({
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      getItem: () => {
        throw new Error('SecurityError');
      },
    });
    expect(writeDraft(refusing, key, draft())).toBe(false);
    expect(readDraft(refusing, key, now)).toBeUndefined();
  });

  it('are cleared', () => {
    const store = fakeStore();
    writeDraft(store, key, draft());
    clearDraft(store, key);
    expect(readDraft(store, key, now)).toBeUndefined();
  });

  it('are offered back only with a real answer in them', () => {
    expect(hasAnswers(draft())).toBe(true);
    expect(hasAnswers(draft({ answers: { topics: [], message: '' } }))).toBe(false);
    expect(hasAnswers(undefined)).toBe(false);
  });

  it('lose answers to questions the form no longer has', () => {
    expect(knownAnswers({ fullName: 'A', removedQuestion: 'x' }, ['fullName', 'topics'])).toEqual({ fullName: 'A' });
  });
});

describe('answers kept off the device', () => {
  const form = {
    uiSchema: {
      personalIdentityCode: { 'ui:options': { keepOffDevice: true } },
      birthDate: { 'ui:options': { keepOffDevice: true } },
      fullName: {},
    },
  };

  it('are split from the rest by the form’s keepOffDevice marks', () => {
    expect(splitForDevice(form, { fullName: 'Amina', personalIdentityCode: '131052-308T', birthDate: '1952-10-13' })).toEqual({
      device: { fullName: 'Amina' },
      tab: { personalIdentityCode: '131052-308T', birthDate: '1952-10-13' },
    });
  });

  it('live in the tab’s store, and nothing is stored when there are none', () => {
    const items = new Map<string, string>();
    const tab: KeyValueStore = {
      getItem: (k) => items.get(k) ?? null,
      setItem: (k, v) => void items.set(k, v),
      removeItem: (k) => void items.delete(k),
    };
    writeTabAnswers(tab, 't', { birthDate: '1952-10-13' });
    expect(readTabAnswers(tab, 't')).toEqual({ birthDate: '1952-10-13' });
    writeTabAnswers(tab, 't', {});
    expect(items.size).toBe(0);
    items.set('t', 'not json');
    expect(readTabAnswers(tab, 't')).toEqual({});
  });
});
