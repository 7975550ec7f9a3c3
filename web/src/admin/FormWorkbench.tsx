import { textAt } from '../../../schemas/src/questions.js';
import { errorText, isSignedOut, LoadError, StaffHeading, StaffLoading, useSession } from '../staff/staff-ui.js';
import { t } from '../staff/texts.js';
import { lazy, Suspense, useEffect } from 'react';
import { FORM_TABS, formTabPath, type FormTab } from './admin-routes.js';
import { HistoryTab } from './HistoryTab.js';
import { ProblemSummary } from './ProblemList.js';
import { PublishPanel } from './PublishPanel.js';
import { QuestionEditor } from './QuestionEditor.js';
import { RetentionSetting } from './RetentionSetting.js';
import { TranslationsTab } from './TranslationsTab.js';
import { useDraft, type Draft, type DraftState } from './use-draft.js';

// CodeMirror is most of the workbench's bytes, and few admins open the JSON: it loads with that tab.
const JsonView = lazy(() => import('./JsonView.js').then((m) => ({ default: m.JsonView })));
// The preview brings the resident form page's code (rjsf): it loads with its tab.
const PreviewTab = lazy(() => import('./PreviewTab.js').then((m) => ({ default: m.PreviewTab })));

function SaveStatus({ state, onReload }: { state: Extract<DraftState, { status: 'ready' }>; onReload: () => void }) {
  if (state.conflict)
    return (
      <div className="notice notice--error" role="alert">
        <p>{t('workbench.conflict')}</p>
        <button type="button" className="button button--secondary" onClick={onReload}>
          {t('workbench.reload')}
        </button>
      </div>
    );
  if (state.saveError)
    return (
      <p className="notice notice--error" role="alert">
        {t('workbench.saveFailed', { reason: errorText(state.saveError) })}
      </p>
    );
  return (
    <p className="wb-save-status" role="status">
      {state.saving ? t('workbench.saving') : state.dirty ? t('workbench.unsaved') : t('workbench.saved')}
    </p>
  );
}

/** The tabs as links, so each has its own address and the browser's back button works. */
function Tabs({ formId, tab }: { formId: string; tab: FormTab }) {
  return (
    <nav className="wb-tabs" aria-label={t('workbench.tabsLabel')}>
      <ul>
        {FORM_TABS.map((name) => (
          <li key={name}>
            <a href={formTabPath(formId, name)} aria-current={name === tab ? 'page' : undefined}>
              {t(`workbench.tabs.${name}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function TabContent({ tab, draft, state }: { tab: FormTab; draft: Draft; state: Extract<DraftState, { status: 'ready' }> }) {
  switch (tab) {
    case 'translations':
      return <TranslationsTab def={state.definition} problems={state.problems} edit={draft.edit} />;
    case 'json':
      return (
        <Suspense fallback={<StaffLoading />}>
          <JsonView def={state.definition} edit={draft.edit} />
        </Suspense>
      );
    case 'history':
      return <HistoryTab formId={state.definition.id} draft={draft} />;
    case 'preview':
      return (
        <Suspense fallback={<StaffLoading />}>
          <PreviewTab def={state.definition} />
        </Suspense>
      );
    default:
      return (
        <>
          <QuestionEditor def={state.definition} problems={state.problems} edit={draft.edit} />
          <RetentionSetting def={state.definition} edit={draft.edit} />
        </>
      );
  }
}

/** `/admin/forms/<id>[/<tab>]`: one form's draft, its problems, its tabs and publishing. */
export function FormWorkbench({ formId, tab }: { formId: string; tab: FormTab }) {
  const draft = useDraft(formId);
  const { state } = draft;
  const { sessionEnded } = useSession();
  const failed = state.status === 'failed' ? state.error : state.status === 'ready' ? state.saveError : undefined;
  useEffect(() => {
    if (isSignedOut(failed)) sessionEnded();
  }, [failed, sessionEnded]);

  const title = state.status === 'ready' ? textAt(state.definition, 'fi', ['title']) || formId : formId;
  return (
    <div className="wb">
      <p>
        <a href="/admin">{t('workbench.backToForms')}</a>
      </p>
      <StaffHeading>{`${title} – ${t(`workbench.tabs.${tab}`)}`}</StaffHeading>
      {state.status === 'loading' ? <StaffLoading /> : null}
      {state.status === 'failed' ? <LoadError error={state.error} onRetry={draft.reload} /> : null}
      {state.status === 'ready' ? (
        <>
          <SaveStatus state={state} onReload={draft.reload} />
          <ProblemSummary problems={state.problems} />
          <Tabs formId={formId} tab={tab} />
          <div className="wb-tab">
            <TabContent tab={tab} draft={draft} state={state} />
          </div>
          <PublishPanel draft={draft} problems={state.problems} onPublished={() => undefined} />
        </>
      ) : null}
    </div>
  );
}
