import type { Answers, Position } from './steps.js';

/** What is kept on the device while a form is being filled: language-neutral answers and the position. */
export interface Draft {
  formVersion: number;
  savedAt: number;
  answers: Answers;
  position: Position;
  /** The Idempotency-Key of a send whose answer never arrived, with the body it was for. */
  pending?: PendingSend;
}

export interface PendingSend {
  key: string;
  body: string;
}

/** The part of `Storage` the drafts use (localStorage in the browser, a fake in tests). */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** A draft older than this is deleted unread: phones are shared, and old answers are stale. */
export const DRAFT_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

/** The storage key of a form's draft in one municipality. */
export function draftKey(municipality: string, formId: string): string {
  return `koto:draft:${municipality}:${formId}`;
}

function isDraft(value: unknown): value is Draft {
  if (!value || typeof value !== 'object') return false;
  const d = value as Partial<Draft>;
  const position = d.position === 'review' || (typeof d.position === 'number' && Number.isInteger(d.position) && d.position >= 0);
  return typeof d.formVersion === 'number' && typeof d.savedAt === 'number' && !!d.answers && typeof d.answers === 'object' && !Array.isArray(d.answers) && position;
}

/** The saved draft, or undefined when there is none, it cannot be read, or it has expired (then it is removed). */
export function readDraft(store: KeyValueStore, key: string, now = Date.now()): Draft | undefined {
  let parsed: unknown;
  try {
    const raw = store.getItem(key);
    if (raw === null) return undefined;
    parsed = JSON.parse(raw);
  } catch {
    parsed = undefined;
  }
  if (!isDraft(parsed) || now - parsed.savedAt > DRAFT_MAX_AGE_MS) {
    clearDraft(store, key);
    return undefined;
  }
  return parsed;
}

/** Saves a draft; returns false when the device refuses (private mode, full storage), which is not an error. */
export function writeDraft(store: KeyValueStore, key: string, draft: Draft): boolean {
  try {
    store.setItem(key, JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

/** Deletes a draft (after sending, or when the resident starts again). */
export function clearDraft(store: KeyValueStore, key: string): void {
  try {
    store.removeItem(key);
  } catch {
    // Storage unavailable: nothing was saved either.
  }
}

/** True when a draft holds at least one answer worth offering back. */
export function hasAnswers(draft: Draft | undefined): draft is Draft {
  return !!draft && Object.values(draft.answers).some((v) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0));
}

/** Answers restricted to the questions a form still has (a newer version may have dropped some). */
export function knownAnswers(answers: Answers, fields: readonly string[]): Answers {
  return Object.fromEntries(Object.entries(answers).filter(([field]) => fields.includes(field)));
}

/** The session key marking a form as being filled in this tab: coming back to it (reload, other language) resumes silently. */
export function activeKey(municipality: string, formId: string): string {
  return `koto:active:${municipality}:${formId}`;
}
