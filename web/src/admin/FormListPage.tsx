import { useEffect, useState } from 'react';
import { FORM_ID_PATTERN } from '../../../schemas/src/admin-contract.js';
import { navigate } from '../router.js';
import { LANGUAGE_COLUMNS, REVIEW_LABELS, reviewState } from '../staff/admin-format.js';
import { languageName } from '../staff/format.js';
import { hasStatus, type AdminForm, type FormLanguages } from '../staff/staff-api.js';
import { errorText, isSignedOut, LoadError, StaffHeading, StaffLoading, useSession } from '../staff/staff-ui.js';
import { t } from '../staff/texts.js';
import { useAsync } from '../use-async.js';
import { createForm, fetchForms } from './admin-api.js';
import { formTabPath } from './admin-routes.js';

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

/** Each form: its version, whether its draft has unpublished changes, its languages, who offers it; a link to edit. */
function FormCards({ forms, municipalityNames }: { forms: AdminForm[]; municipalityNames: (id: string) => string }) {
  return (
    <ul className="wb-form-list">
      {forms.map((form) => {
        const offered = form.languages.filter((l) => l.offered);
        return (
          <li key={form.id} className="wb-form-card">
            <h3>
              <a href={formTabPath(form.id)}>
                {form.title}
                <span className="visually-hidden"> – {t('workbench.edit')}</span>
              </a>
            </h3>
            <p className="staff-table__sub">
              {form.version === null ? t('admin.unpublished') : t('submission.version', { version: form.version })} ·{' '}
              {form.draftDiffers ? <strong>{t('workbench.unpublishedChanges')}</strong> : t('workbench.noChanges')}
            </p>
            <p className="staff-table__sub">
              {t('workbench.languagesCount', {
                done: offered.length,
                all: LANGUAGE_COLUMNS.length,
                reviewed: offered.filter((l) => l.reviewed).length,
              })}
            </p>
            <p className="staff-table__sub">
              {form.municipalities.length
                ? t('workbench.offeredBy', { municipalities: form.municipalities.map(municipalityNames).join(', ') })
                : t('workbench.offeredByNone')}
            </p>
          </li>
        );
      })}
    </ul>
  );
}

/** A new form from the template: its id, then straight to its draft. */
function NewForm() {
  const [id, setId] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="wb-new-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const wanted = id.trim();
        if (!new RegExp(FORM_ID_PATTERN).test(wanted)) {
          setError(t('workbench.newFormIdHint'));
          return;
        }
        setBusy(true);
        setError(undefined);
        createForm(wanted).then(
          () => navigate(formTabPath(wanted)),
          (err: unknown) => {
            setBusy(false);
            setError(hasStatus(err, 409) ? t('workbench.formExists', { id: wanted }) : errorText(err));
          },
        );
      }}
    >
      <h2 id="wb-new-heading">{t('workbench.newForm')}</h2>
      <div className="wb-field">
        <label htmlFor="wb-new-id">{t('workbench.newFormId')}</label>
        <p id="wb-new-id-hint" className="staff-table__sub">
          {t('workbench.newFormIdHint')}
        </p>
        {error ? (
          <p id="wb-new-id-error" className="field-error" role="alert">
            {error}
          </p>
        ) : null}
        <input
          id="wb-new-id"
          type="text"
          autoComplete="off"
          spellcheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'wb-new-id-hint wb-new-id-error' : 'wb-new-id-hint'}
          value={id}
          onInput={(e) => setId(e.currentTarget.value)}
        />
      </div>
      <button type="submit" className="button" disabled={busy}>
        {busy ? t('workbench.creating') : t('workbench.create')}
      </button>
    </form>
  );
}

/** `/admin`: for admins, every form to edit, a new form, and the review state of each form's languages. */
export function FormListPage() {
  // Only admins get here: AdminApp answers everyone else.
  const { sessionEnded } = useSession();
  const [state, retry] = useAsync(fetchForms, 'forms');
  const failed = state.status === 'failed' ? state.error : undefined;
  useEffect(() => {
    if (isSignedOut(failed)) sessionEnded();
  }, [failed, sessionEnded]);

  return (
    <>
      <StaffHeading>{t('admin.heading')}</StaffHeading>
      <h2>{t('workbench.formsHeading')}</h2>
      <p>{t('workbench.formsText')}</p>
      {state.status === 'ready' ? (
        <FormCards forms={state.value.forms} municipalityNames={(id) => id.charAt(0).toUpperCase() + id.slice(1)} />
      ) : null}
      <NewForm />
      <h2 id="admin-languages-heading">{t('admin.languages')}</h2>
      <p>{t('admin.languagesText')}</p>
      {state.status === 'loading' ? <StaffLoading /> : null}
      {state.status === 'failed' ? <LoadError error={state.error} onRetry={retry} /> : null}
      {state.status === 'ready' ? <LanguageTable forms={state.value.forms} shared={state.value.sharedTexts} /> : null}
    </>
  );
}
