import { isEmptyAnswer } from '../../../schemas/src/empty-answer.js';
import type { Answers, Position } from './steps.js';

/** What is kept on the device while a form is being filled: language-neutral answers and the position. */
export interface Draft {
  formVersion: number;
  savedAt: number;
  answers: Answers;
  position: Position;
  /** The Idempotency-Key of a send whose answer never arrived, with the body it was for. */
  pending?: PendingSend;
  /** From when the form was first shown (`GET /api/forms/F/start`): a restored draft is no bot's quick fill. */
  startToken?: string;
}

export interface PendingSend {
  key: string;
  body: string;
}

/** The part of `Storage` the drafts use (localStorage in the browser, a fake in tests). */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** A draft older than this is deleted unread: phones, library computers and reception desks are shared. */
export const DRAFT_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/** The storage key of a form's draft in one municipality. */
export function draftKey(municipality: string, formId: string): string {
  return `koto:draft:${municipality}:${formId}`;
}

function isDraft(value: unknown): value is Draft {
  if (!value || typeof value !== 'object') return false;
  const d = value as Partial<Draft>;
  const position = d.position === 'review' || (typeof d.position === 'number' && Number.isInteger(d.position) && d.position >= 0);
  return (
    typeof d.formVersion === 'number' &&
    typeof d.savedAt === 'number' &&
    !!d.answers &&
    typeof d.answers === 'object' &&
    !Array.isArray(d.answers) &&
    position
  );
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
  return !!draft && Object.values(draft.answers).some((v) => !isEmptyAnswer(v));
}

/** Answers restricted to the questions a form still has (a newer version may have dropped some). */
export function knownAnswers(answers: Answers, fields: readonly string[]): Answers {
  return Object.fromEntries(Object.entries(answers).filter(([field]) => fields.includes(field)));
}

/**
 * The questions a form keeps off the device (`"ui:options": { "keepOffDevice": true }`: an identity code, a
 * residence basis, a birth date): their answers live only in this tab, so they are gone when it is closed.
 */
export function offDeviceFields(form: { uiSchema: Record<string, unknown> }): Set<string> {
  return new Set(
    Object.entries(form.uiSchema)
      .filter(([, ui]) => (ui as { 'ui:options'?: { keepOffDevice?: boolean } } | undefined)?.['ui:options']?.keepOffDevice === true)
      .map(([field]) => field),
  );
}

/** Answers split into what may stay on the device and what only this tab keeps. */
export function splitForDevice(form: { uiSchema: Record<string, unknown> }, answers: Answers): { device: Answers; tab: Answers } {
  const off = offDeviceFields(form);
  const entries = Object.entries(answers);
  return {
    device: Object.fromEntries(entries.filter(([field]) => !off.has(field))),
    tab: Object.fromEntries(entries.filter(([field]) => off.has(field))),
  };
}

/** The storage key of the answers only this tab keeps. */
export function tabAnswersKey(municipality: string, formId: string): string {
  return `koto:tab-answers:${municipality}:${formId}`;
}

/** Keeps the answers only this tab may hold (none: nothing stored). */
export function writeTabAnswers(store: KeyValueStore, key: string, answers: Answers): void {
  try {
    if (Object.keys(answers).length === 0) store.removeItem(key);
    else store.setItem(key, JSON.stringify(answers));
  } catch {
    // Storage unavailable: the answers stay in memory while the page is open.
  }
}

/** The answers this tab keeps for a form, or none. */
export function readTabAnswers(store: KeyValueStore, key: string): Answers {
  try {
    const parsed: unknown = JSON.parse(store.getItem(key) ?? '{}');
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Answers) : {};
  } catch {
    return {};
  }
}

/** The session key marking a form as being filled in this tab: coming back to it (reload, other language) resumes silently. */
export function activeKey(municipality: string, formId: string): string {
  return `koto:active:${municipality}:${formId}`;
}

/** The tab's note that the form was reloaded because the version it was filled against was replaced. */
export function replacedKey(municipality: string, formId: string): string {
  return `koto:replaced:${municipality}:${formId}`;
}
