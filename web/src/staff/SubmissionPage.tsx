import { useEffect } from 'react';
import { AnswerList } from './AnswerList.js';
import { AuditSection } from './AuditSection.js';
import type { StaffCatalog } from './catalog.js';
import { formatTime, languageName } from './format.js';
import { HistoryList } from './HistoryList.js';
import { inboxHref } from './InboxPage.js';
import { hasStatus, type SubmissionDetail } from './staff-api.js';
import { isSignedOut, LoadError, StaffHeading, StaffLoading, StatusBadge, useSession } from './staff-ui.js';
import { NOTIFICATION_LABELS } from './texts.js';
import { TriagePanel } from './TriagePanel.js';
import { useSubmission } from './use-submission.js';

function BackLink() {
  return (
    <p className="staff-back">
      <a href={inboxHref()}>
        <span aria-hidden="true">←</span>Takaisin saapuneisiin
      </a>
    </p>
  );
}

function Facts({ detail, catalog }: { detail: SubmissionDetail; catalog: StaffCatalog }) {
  const notification = detail.notificationState;
  return (
    <dl className="staff-facts">
      <div>
        <dt>Lomake</dt>
        <dd>
          {detail.formTitle} <span className="muted">(versio {detail.formVersion})</span>
        </dd>
      </div>
      <div>
        <dt>Kunta</dt>
        <dd>{catalog.municipalityNames[detail.municipality] ?? detail.municipality}</dd>
      </div>
      <div>
        <dt>Saapui</dt>
        <dd>
          <time dateTime={detail.submittedAt}>{formatTime(detail.submittedAt)}</time>
        </dd>
      </div>
      <div>
        <dt>Asiakkaan kieli</dt>
        <dd>{languageName(detail.lang)}</dd>
      </div>
      <div>
        <dt>Tila</dt>
        <dd>
          <StatusBadge status={detail.status} />
        </dd>
      </div>
      <div>
        <dt>Ilmoitus henkilöstölle</dt>
        <dd>
          {notification.state === 'failed' ? (
            <span className="staff-warning">
              <span aria-hidden="true">⚠ </span>
              {NOTIFICATION_LABELS.failed} ({notification.attempts} yritystä)
            </span>
          ) : (
            NOTIFICATION_LABELS[notification.state]
          )}
        </dd>
      </div>
      <div>
        <dt>Suostumusteksti</dt>
        <dd>versio {detail.consentVersion}</dd>
      </div>
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
    return (
      <>
        <BackLink />
        <StaffHeading>Lomaketta ei löytynyt</StaffHeading>
        <p>
          Tunnuksella <span className="staff-ref">{reference}</span> ei löytynyt lomaketta, tai se kuuluu kunnalle, jonka lomakkeisiin
          sinulla ei ole pääsyä. Tarkista tunnus.
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
          <Facts detail={state.detail} catalog={catalog} />
          <div className="staff-detail">
            <section className="staff-detail__answers" aria-labelledby="answers-heading">
              <h2 id="answers-heading">Vastaukset</h2>
              {state.detail.lang !== 'fi' ? (
                <p className="hint">
                  Kysymykset suomeksi; asiakkaan näkemä kysymys ({languageName(state.detail.lang)}) on niiden vieressä. Vapaat tekstit ovat
                  sellaisinaan.
                </p>
              ) : null}
              <AnswerList answers={state.detail.answers} lang={state.detail.lang} />
            </section>
            <div className="staff-detail__side">
              <TriagePanel detail={state.detail} change={change} />
              <section className="staff-panel" aria-labelledby="history-heading">
                <h2 id="history-heading">Historia</h2>
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
