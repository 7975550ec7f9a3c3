import { LANGUAGES } from '../../../schemas/src/languages.js';
import type { AuditEntry, FormLanguages } from './staff-api.js';

/** A language of a form as admins see it: offered and reviewed by a native speaker, offered unreviewed, or not offered. */
export type ReviewState = 'reviewed' | 'unreviewed' | 'notOffered';

export const REVIEW_LABELS: Record<ReviewState, string> = {
  reviewed: 'tarkistettu',
  unreviewed: 'ei tarkistettu',
  notOffered: 'ei tarjolla',
};

/** The state of one language of a form; a language missing from the form's metadata is not offered. */
export function reviewState(form: Pick<FormLanguages, 'languages'>, lang: string): ReviewState {
  const entry = form.languages.find((l) => l.lang === lang);
  if (!entry?.offered) return 'notOffered';
  return entry.reviewed ? 'reviewed' : 'unreviewed';
}

/** The table's columns: the ten languages in their usual order. */
export const LANGUAGE_COLUMNS = LANGUAGES;

export const AUDIT_ACTION_LABELS: Record<AuditEntry['action'], string> = {
  read: 'luki',
  update: 'muutti',
  export: 'vei CSV:nä',
};

/** An audit action in Finnish; an unknown one as it came. */
export const auditActionLabel = (action: string) => AUDIT_ACTION_LABELS[action as AuditEntry['action']] ?? action;

const CHANGE_NAMES: Record<string, string> = { status: 'tila', assign: 'käsittelijä', note: 'muistiinpano' };

/** An update's detail (`status,note`) in Finnish (`tila, muistiinpano`); other details as they came. */
export function auditDetail(entry: Pick<AuditEntry, 'action' | 'detail'>): string | undefined {
  if (!entry.detail) return undefined;
  if (entry.action !== 'update') return entry.detail;
  return entry.detail
    .split(',')
    .filter(Boolean)
    .map((part) => CHANGE_NAMES[part] ?? part)
    .join(', ');
}

/** Audit entries newest first; entries of the same moment keep the order they were recorded in, reversed. */
export function newestFirst<T extends Pick<AuditEntry, 'at'>>(entries: readonly T[]): T[] {
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => (a.entry.at === b.entry.at ? b.index - a.index : a.entry.at < b.entry.at ? 1 : -1))
    .map(({ entry }) => entry);
}
