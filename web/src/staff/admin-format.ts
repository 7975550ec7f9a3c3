import { LANGUAGES } from '../../../schemas/src/languages.js';
import type { AuditEntry, FormLanguages, HistoryEntry } from './staff-api.js';
import { t } from './texts.js';

/** A language of a form as admins see it: offered and reviewed by a native speaker, offered unreviewed, or not offered. */
export type ReviewState = 'reviewed' | 'unreviewed' | 'notOffered';

export const REVIEW_LABELS: Record<ReviewState, string> = {
  reviewed: t('admin.review.reviewed'),
  unreviewed: t('admin.review.unreviewed'),
  notOffered: t('admin.review.notOffered'),
};

/** The state of one language of a form; a language missing from the form's metadata is not offered. */
export function reviewState(form: Pick<FormLanguages, 'languages'>, lang: string): ReviewState {
  const entry = form.languages.find((l) => l.lang === lang);
  if (!entry?.offered) return 'notOffered';
  return entry.reviewed ? 'reviewed' : 'unreviewed';
}

/** The table's columns: the ten languages in their usual order. */
export const LANGUAGE_COLUMNS = LANGUAGES;

const AUDIT_ACTIONS: readonly string[] = [
  'read',
  'update',
  'export',
  'search',
  'correct',
  'erase',
  'audit',
  'release',
] satisfies AuditEntry['action'][];

/** An audit action in Finnish; an unknown one as it came. */
export const auditActionLabel = (action: string) =>
  AUDIT_ACTIONS.includes(action) ? t(`audit.actions.${action as AuditEntry['action']}`) : action;

const CHANGES: readonly string[] = ['status', 'assign', 'note', 'correct'] satisfies HistoryEntry['action'][];
const changeName = (part: string) => (CHANGES.includes(part) ? t(`audit.changes.${part as HistoryEntry['action']}`) : part);

/** An update's detail (`status,note`) in Finnish (`tila, muistiinpano`); other details as they came. */
export function auditDetail(entry: Pick<AuditEntry, 'action' | 'detail'>): string | undefined {
  if (!entry.detail) return undefined;
  if (entry.action !== 'update') return entry.detail;
  return entry.detail.split(',').filter(Boolean).map(changeName).join(', ');
}

/** Audit entries newest first; entries of the same moment keep the order they were recorded in, reversed. */
export function newestFirst<T extends Pick<AuditEntry, 'at'>>(entries: readonly T[]): T[] {
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => (a.entry.at === b.entry.at ? b.index - a.index : a.entry.at < b.entry.at ? 1 : -1))
    .map(({ entry }) => entry);
}
