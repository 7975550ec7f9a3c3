import { useEffect } from 'react';
import { LANGUAGE_COLUMNS, REVIEW_LABELS, reviewState } from './admin-format.js';
import { languageName } from './format.js';
import { fetchAdminForms, type FormLanguages } from './staff-api.js';
import { isSignedOut, LoadError, StaffHeading, StaffLoading, useSession } from './staff-ui.js';
import { t } from './texts.js';
import { useAsync } from '../use-async.js';

function ReviewCells({ row }: { row: Pick<FormLanguages, 'languages'> }) {
  return (
    <>
      {LANGUAGE_COLUMNS.map((l) => {
        const state = reviewState(row, l.code);
        return (
          <td key={l.code} className={`staff-review staff-review--${state}`}>
            {REVIEW_LABELS[state]}
          </td>
        );
      })}
    </>
  );
}

function LanguageTable({ forms, shared }: { forms: FormLanguages[]; shared: Pick<FormLanguages, 'languages'> }) {
  if (forms.length === 0) return <p>{t('admin.noForms')}</p>;
  return (
    // A wide table scrolls on its own on a phone (the heading stays in view); the region can be scrolled by keyboard.
    <div className="staff-table-scroll" role="region" aria-labelledby="admin-languages-heading" tabIndex={0}>
      <table className="staff-table" aria-labelledby="admin-languages-heading">
        <thead>
          <tr>
            <th scope="col">{t('fields.form')}</th>
            {LANGUAGE_COLUMNS.map((l) => (
              <th key={l.code} scope="col">
                <span lang={l.code} dir={l.dir}>
                  {l.name}
                </span>{' '}
                {languageName(l.code) !== l.name ? <span className="staff-table__sub">{languageName(l.code)}</span> : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">
              {t('admin.shared')} <span className="staff-table__sub">{t('admin.sharedWhat')}</span>
            </th>
            <ReviewCells row={shared} />
          </tr>
          {forms.map((form) => (
            <tr key={form.id}>
              <th scope="row">
                {form.title}{' '}
                <span className="staff-table__sub">
                  {form.version === null ? t('admin.unpublished') : t('submission.version', { version: form.version })}
                </span>
              </th>
              <ReviewCells row={form} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** `/admin`: for admins, every form with the review state of each of its languages. */
export function AdminPage() {
  const { me, sessionEnded } = useSession();
  const admin = me.role === 'admin';
  const [state, retry] = useAsync(
    () => (admin ? fetchAdminForms() : Promise.resolve({ forms: [], sharedTexts: { languages: [] } })),
    admin ? 'forms' : 'none',
  );
  const failed = state.status === 'failed' ? state.error : undefined;
  useEffect(() => {
    if (isSignedOut(failed)) sessionEnded();
  }, [failed, sessionEnded]);

  if (!admin) {
    return (
      <>
        <StaffHeading>{t('admin.noAccess')}</StaffHeading>
        <p>{t('admin.noAccessText')}</p>
        <p>
          <a href="/staff">{t('inbox.heading')}</a>
        </p>
      </>
    );
  }

  return (
    <>
      <StaffHeading>{t('admin.heading')}</StaffHeading>
      <h2 id="admin-languages-heading">{t('admin.languages')}</h2>
      <p>{t('admin.languagesText')}</p>
      {state.status === 'loading' ? <StaffLoading /> : null}
      {state.status === 'failed' ? <LoadError error={state.error} onRetry={retry} /> : null}
      {state.status === 'ready' ? <LanguageTable forms={state.value.forms} shared={state.value.sharedTexts} /> : null}
    </>
  );
}
