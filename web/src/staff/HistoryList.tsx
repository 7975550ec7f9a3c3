import { actorName, describeChange, formatTime } from './format.js';
import type { HistoryEntry } from './staff-api.js';
import { t } from './texts.js';

/** Every change to a submission, oldest first: who, when, what; notes shown as written. */
export function HistoryList({ history }: { history: HistoryEntry[] }) {
  if (history.length === 0) return <p className="muted">{t('submission.noHistory')}</p>;
  return (
    <ol className="staff-history">
      {history.map((entry, i) => (
        <li key={`${entry.at}-${i}`} className={`staff-history__entry staff-history__entry--${entry.action}`}>
          <p className="staff-history__what">{describeChange(entry)}</p>
          {entry.action === 'note' && entry.note ? <p className="staff-note">{entry.note}</p> : null}
          <p className="staff-history__meta">
            <time dateTime={entry.at}>{formatTime(entry.at)}</time>, {actorName(entry.by)}
          </p>
        </li>
      ))}
    </ol>
  );
}
