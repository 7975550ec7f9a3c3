import type { HistoryEntry } from './staff-api.js';
import { staff, t } from './texts.js';

// Staff work in Finland: Finnish formatting, Finnish time, whatever the computer's own settings are.
const TIME = new Intl.DateTimeFormat('fi-FI', {
  timeZone: 'Europe/Helsinki',
  day: 'numeric',
  month: 'numeric',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** An ISO time as Finnish staff read it, in Helsinki time, e.g. "2.3.2026 klo 10.30". */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : TIME.format(date);
}

/** A status in Finnish; an unknown one as it came. */
export const statusLabel = (status: string | null | undefined): string => staff.status(status);

/** A resident's language named in Finnish, e.g. "ukraina". */
export const languageName = (code: string): string => staff.language(code);

/** Who made a change: a staff email, or the mailbox an emailed action link was sent to. */
export function actorName(by: string): string {
  return by.startsWith('link:') ? t('history.byLink', { mailbox: by.slice('link:'.length) }) : by;
}

/** One history entry as a Finnish sentence; a note's own text is shown apart from this. */
export function describeChange(entry: HistoryEntry): string {
  switch (entry.action) {
    case 'status':
      return t(entry.spam ? 'history.statusSpam' : 'history.status', { from: statusLabel(entry.from), to: statusLabel(entry.to) });
    case 'assign':
      if (entry.to) return t('history.assigned', { assignee: entry.to });
      return entry.from ? t('history.unassignedFrom', { assignee: entry.from }) : t('history.unassigned');
    case 'note':
      return t('history.note');
    case 'correct':
      return t('history.correct', { field: entry.field ?? '' });
    default:
      return String((entry as { action: unknown }).action);
  }
}
