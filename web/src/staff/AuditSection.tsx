import { useEffect } from 'react';
import { auditActionLabel, auditDetail, newestFirst } from './admin-format.js';
import { actorName, formatTime } from './format.js';
import { fetchAudit } from './staff-api.js';
import { isSignedOut, LoadError, StaffLoading, useSession } from './staff-ui.js';
import { t } from './texts.js';
import { useAsync } from '../use-async.js';

/**
 * For admins on a submission's page: who read, changed, exported or acted on it by link, newest first.
 * `version` is the submission's: a change on the page loads the log again.
 */
export function AuditSection({ reference, version }: { reference: string; version: number }) {
  const { sessionEnded } = useSession();
  const [state, retry] = useAsync(() => fetchAudit(reference), `${reference}@${version}`);
  const failed = state.status === 'failed' ? state.error : undefined;
  useEffect(() => {
    if (isSignedOut(failed)) sessionEnded();
  }, [failed, sessionEnded]);

  return (
    <section className="staff-panel" aria-labelledby="audit-heading">
      <h2 id="audit-heading">{t('audit.heading')}</h2>
      <p className="hint">{t('audit.hint')}</p>
      {state.status === 'loading' ? <StaffLoading /> : null}
      {state.status === 'failed' ? <LoadError error={state.error} onRetry={retry} /> : null}
      {state.status === 'ready' && state.value.entries.length === 0 ? <p className="muted">{t('audit.none')}</p> : null}
      {state.status === 'ready' && state.value.entries.length > 0 ? (
        <ol className="staff-history staff-audit">
          {newestFirst(state.value.entries).map((entry, i) => {
            const detail = auditDetail(entry);
            return (
              <li key={`${entry.at}-${i}`} className="staff-history__entry">
                <p className="staff-history__what">
                  {t(detail ? 'audit.entryDetail' : 'audit.entry', {
                    actor: actorName(entry.actor),
                    action: auditActionLabel(entry.action),
                    detail: detail ?? '',
                  })}
                </p>
                <p className="staff-history__meta">
                  <time dateTime={entry.at}>{formatTime(entry.at)}</time>
                </p>
              </li>
            );
          })}
        </ol>
      ) : null}
    </section>
  );
}
