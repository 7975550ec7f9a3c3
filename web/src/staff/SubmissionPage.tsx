import { useEffect } from 'react';
import { AnswerList } from './AnswerList.js';
import { AuditSection } from './AuditSection.js';
import type { StaffCatalog } from './catalog.js';
import { formatTime, languageName } from './format.js';
import { HistoryList } from './HistoryList.js';
import { inboxHref } from './InboxPage.js';
import { hasStatus, type SubmissionDetail } from './staff-api.js';
import { isSignedOut, LoadError, StaffHeading, StaffLoading, StatusBadge, useSession } from './staff-ui.js';
import { staff, t } from './texts.js';
import { TriagePanel } from './TriagePanel.js';
import { useSubmission } from './use-submission.js';

function BackLink() {
  return (
    <p className="staff-back">
      <a href={inboxHref()}>
        <span aria-hidden="true">←</span>
        {t('submission.back')}
      </a>
    </p>
  );
}

function Facts({ detail, catalog }: { detail: SubmissionDetail; catalog: StaffCatalog }) {
  const notification = detail.notificationState;
  return (
    <dl className="staff-facts">
      <div>
        <dt>{t('fields.form')}</dt>
        <dd>
          {detail.formTitle} <span className="muted">{t('submission.formVersion', { version: detail.formVersion })}</span>
        </dd>
      </div>
      <div>
        <dt>{t('fields.municipality')}</dt>
        <dd>{catalog.municipalityNames[detail.municipality] ?? detail.municipality}</dd>
      </div>
      <div>
        <dt>{t('fields.received')}</dt>
        <dd>
          <time dateTime={detail.submittedAt}>{formatTime(detail.submittedAt)}</time>
        </dd>
      </div>
      <div>
        <dt>{t('fields.language')}</dt>
        <dd>{languageName(detail.lang)}</dd>
      </div>
      <div>
        <dt>{t('fields.status')}</dt>
        <dd>
          <StatusBadge status={detail.status} />
        </dd>
      </div>
      <div>
        <dt>{t('fields.notification')}</dt>
        <dd>
          {notification.state === 'failed' ? (
            <span className="staff-warning">
              <span aria-hidden="true">⚠ </span>
              {t('notification.failed')} {t('notification.attempts', { count: notification.attempts })}
            </span>
          ) : (
            t(`notification.${notification.state}`)
          )}
        </dd>
      </div>
      <div>
        <dt>{t('fields.consent')}</dt>
        <dd>{t('submission.version', { version: detail.consentVersion })}</dd>
      </div>
      {detail.identical ? (
        <div>
          <dt>{t('fields.identical')}</dt>
          <dd>
            {t('inbox.identical', { count: detail.identical })} {t('submission.identicalHint')}
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

/** `/staff/submissions/R`: one submission's answers in Finnish, its handling and its full history. */
export function SubmissionPage({ reference, catalog }: { reference: string; catalog: StaffCatalog }) {
  const { me, sessionEnded } = useSession();
  const { state, retry, change } = useSubmission(reference);
  const failed = state.status === 'failed' ? state.error : undefined;
  useEffect(() => {
    if (isSignedOut(failed)) sessionEnded();
  }, [failed, sessionEnded]);

  if (hasStatus(failed, 404)) {
    const [before, after] = staff.around('submission.notFoundText', 'reference');
    return (
      <>
        <BackLink />
        <StaffHeading>{t('submission.notFound')}</StaffHeading>
        <p>
          {before}
          <span className="staff-ref">{reference}</span>
          {after}
        </p>
      </>
    );
  }

  return (
    <>
      <BackLink />
      <StaffHeading>{reference}</StaffHeading>
      {state.status === 'loading' ? <StaffLoading /> : null}
      {state.status === 'failed' ? <LoadError error={state.error} onRetry={retry} /> : null}
      {state.status === 'ready' ? (
        <>
          <p className="lead">{state.detail.formTitle}</p>
          {/* On a phone the handling comes after the answers: one step takes the member there. */}
          <p className="staff-to-triage">
            <a href="#triage">{t('submission.toTriage')}</a>
          </p>
          <Facts detail={state.detail} catalog={catalog} />
          <div className="staff-detail">
            <section className="staff-detail__answers" aria-labelledby="answers-heading">
              <h2 id="answers-heading">{t('submission.answers')}</h2>
              {state.detail.lang !== 'fi' ? (
                <p className="hint">{t('submission.answersHint', { language: languageName(state.detail.lang) })}</p>
              ) : null}
              <AnswerList answers={state.detail.answers} lang={state.detail.lang} />
            </section>
            <div className="staff-detail__side">
              <TriagePanel detail={state.detail} change={change} />
              <section className="staff-panel" aria-labelledby="history-heading">
                <h2 id="history-heading">{t('submission.history')}</h2>
                <HistoryList history={state.detail.history} />
              </section>
              {me.role === 'admin' ? <AuditSection reference={reference} version={state.detail.version} /> : null}
            </div>
          </div>
        </>
      ) : null}
    </>
  );
}
