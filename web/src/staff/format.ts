import type { AnswerView, HistoryEntry, Status } from './staff-api.js';
import { languageNameFi } from '../../../schemas/src/languages.js';
import { STATUS_NAMES_FI } from '../../../schemas/src/statuses.js';

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
export function statusLabel(status: string | null | undefined): string {
  return status ? (STATUS_NAMES_FI[status as Status] ?? status) : '–';
}

/** A resident's language named in Finnish, e.g. "ukraina". */
export function languageName(code: string): string {
  return languageNameFi(code);
}

/** Who made a change: a staff email, or the mailbox an emailed action link was sent to. */
export function actorName(by: string): string {
  return by.startsWith('link:') ? `${by.slice('link:'.length)} (sähköpostin linkistä)` : by;
}

/** One history entry as a Finnish sentence; a note's own text is shown apart from this. */
export function describeChange(entry: HistoryEntry): string {
  switch (entry.action) {
    case 'status':
      return `Tila muutettu: ${statusLabel(entry.from)} → ${statusLabel(entry.to)}`;
    case 'assign':
      return entry.to ? `Käsittelijäksi ${entry.to}` : `Käsittelijä poistettu${entry.from ? ` (${entry.from})` : ''}`;
    case 'note':
      return 'Sisäinen muistiinpano';
    default:
      return String((entry as { action: unknown }).action);
  }
}
