import { useEffect, useRef, useState, type FormEvent } from 'react';
import { isEmailAddress } from '../../../schemas/src/email.js';
import type { MunicipalityRef } from '../../../schemas/src/public-contract.js';
import { errorText, isSignedOut, LoadError, StaffHeading, StaffLoading, useSession } from '../staff/staff-ui.js';
import { t } from '../staff/texts.js';
import { useAsync } from '../use-async.js';
import { ErrorSummary, errorOf, TextField, type FieldProblem } from './admin-form-ui.js';
import { AdminApiError, fetchMunicipalityNames, fetchStaff, hasCode, putStaff, removeStaff, type StaffEntry } from './staff-admin-api.js';
import './admin-staff.css';

type Role = StaffEntry['role'];
const ROLES: Role[] = ['staff', 'admin'];

/** What the person form holds; `editing` is the email of the person changed, absent when adding. */
interface Draft {
  editing?: string;
  email: string;
  name: string;
  role: Role;
  municipalities: string[];
}

const emptyDraft = (): Draft => ({ email: '', name: '', role: 'staff', municipalities: [] });

/** What is wrong with a draft before it is sent: the server's rules for a person, in Finnish words. */
function draftProblems(draft: Draft): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!isEmailAddress(draft.email.trim())) problems.push({ field: 'person-email', message: t('adminStaff.badEmail') });
  if (draft.name.trim() === '') problems.push({ field: 'person-name', message: t('adminStaff.noName') });
  if (draft.municipalities.length === 0) problems.push({ field: 'person-municipality-0', message: t('adminStaff.noMunicipality') });
  return problems;
}

/** A sentence for a refused change: the last admin, or the server's own words (in English) after a Finnish lead. */
function refusal(error: unknown) {
  if (hasCode(error, 'last_admin')) return <>{t('adminStaff.lastAdmin')}</>;
  if (error instanceof AdminApiError && error.status === 400)
    return (
      <>
        {t('adminStaff.refused')} <span lang="en">{error.message}</span>
      </>
    );
  return <>{errorText(error)}</>;
}

function PersonForm({
  draft,
  setDraft,
  towns,
  onSaved,
}: {
  draft: Draft;
  setDraft: (d: Draft) => void;
  towns: MunicipalityRef[];
  onSaved: (email: string) => void;
}) {
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [refused, setRefused] = useState<unknown>();
  const [attempt, setAttempt] = useState(0);
  const [saving, setSaving] = useState(false);
  const { sessionEnded } = useSession();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving) return;
    const found = draftProblems(draft);
    setProblems(found);
    setRefused(undefined);
    setAttempt((n) => n + 1);
    if (found.length) return;
    setSaving(true);
    try {
      const email = draft.email.trim();
      await putStaff(email, { name: draft.name.trim(), role: draft.role, municipalities: draft.municipalities });
      onSaved(email.toLowerCase());
    } catch (e) {
      if (isSignedOut(e)) sessionEnded();
      setRefused(e);
      setAttempt((n) => n + 1);
    } finally {
      setSaving(false);
    }
  }

  const toggle = (id: string, on: boolean) =>
    setDraft({ ...draft, municipalities: on ? [...draft.municipalities, id] : draft.municipalities.filter((m) => m !== id) });
  const heading = draft.editing ? t('adminStaff.editHeading', { email: draft.editing }) : t('adminStaff.addHeading');
  const municipalityError = errorOf(problems, 'person-municipality-0');

  return (
    <section className="admin-panel" aria-labelledby="person-form-heading">
      <h2 id="person-form-heading" tabIndex={-1}>
        {heading}
      </h2>
      <ErrorSummary problems={problems} focusKey={attempt}>
        {refused ? refusal(refused) : null}
      </ErrorSummary>
      <form className="staff-form admin-form" noValidate onSubmit={submit}>
        <TextField
          id="person-email"
          label={t('adminStaff.email')}
          hint={draft.editing ? t('adminStaff.emailFixed') : t('adminStaff.emailHint')}
          error={errorOf(problems, 'person-email')}
          type="email"
          autoComplete="off"
          spellcheck={false}
          readOnly={Boolean(draft.editing)}
          value={draft.email}
          onInput={(e) => setDraft({ ...draft, email: e.currentTarget.value })}
        />
        <TextField
          id="person-name"
          label={t('adminStaff.name')}
          error={errorOf(problems, 'person-name')}
          autoComplete="off"
          value={draft.name}
          onInput={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
        />
        <fieldset className="admin-choices">
          <legend>{t('adminStaff.role')}</legend>
          {ROLES.map((role) => (
            <div className="admin-choice" key={role}>
              <input
                type="radio"
                id={`person-role-${role}`}
                name="role"
                value={role}
                checked={draft.role === role}
                aria-describedby={`person-role-${role}-hint`}
                onChange={() => setDraft({ ...draft, role })}
              />
              <label htmlFor={`person-role-${role}`}>{t(`adminStaff.roles.${role}`)}</label>
              <p id={`person-role-${role}-hint`} className="hint">
                {t(`adminStaff.roleHints.${role}`)}
              </p>
            </div>
          ))}
        </fieldset>
        <fieldset
          className={`admin-choices${municipalityError ? ' staff-field--error' : ''}`}
          aria-describedby={municipalityError ? 'person-municipality-error' : undefined}
        >
          <legend>{t('adminStaff.municipalities')}</legend>
          {municipalityError ? (
            <p id="person-municipality-error" className="staff-field__error">
              <span className="visually-hidden">{t('app.error')} </span>
              {municipalityError}
            </p>
          ) : null}
          {towns.map((town, i) => (
            <div className="admin-choice" key={town.id}>
              <input
                type="checkbox"
                id={`person-municipality-${i}`}
                checked={draft.municipalities.includes(town.id)}
                onChange={(e) => toggle(town.id, e.currentTarget.checked)}
              />
              <label htmlFor={`person-municipality-${i}`}>{town.name}</label>
            </div>
          ))}
        </fieldset>
        <div className="staff-actions">
          <button type="submit" className="button" aria-disabled={saving || undefined}>
            {saving ? t('adminStaff.saving') : t('adminStaff.save')}
          </button>
          {draft.editing ? (
            <button type="button" className="button button--secondary" onClick={() => setDraft(emptyDraft())}>
              {t('adminStaff.cancelEdit')}
            </button>
          ) : null}
        </div>
      </form>
    </section>
  );
}

/** Asks before a person is removed; focus moves to the question, and back to the list after. */
function ConfirmRemoval({ person, onDone }: { person: StaffEntry; onDone: (removed: boolean, error?: unknown) => void }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => ref.current?.focus(), []);
  async function remove() {
    if (busy) return;
    setBusy(true);
    try {
      await removeStaff(person.email);
      onDone(true);
    } catch (e) {
      onDone(false, e);
    }
  }
  return (
    <div className="admin-confirm" role="group" aria-labelledby="confirm-removal-heading">
      <h3 id="confirm-removal-heading" ref={ref} tabIndex={-1}>
        {t('adminStaff.confirmHeading', { name: person.name })}
      </h3>
      <p>{t('adminStaff.confirmText', { email: person.email })}</p>
      <div className="staff-actions">
        <button type="button" className="button admin-danger" aria-disabled={busy || undefined} onClick={() => void remove()}>
          {t('adminStaff.confirmRemove')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onDone(false)}>
          {t('adminStaff.cancel')}
        </button>
      </div>
    </div>
  );
}

function PersonList({
  staff,
  towns,
  me,
  onEdit,
  onChanged,
}: {
  staff: StaffEntry[];
  towns: MunicipalityRef[];
  me: string;
  onEdit: (person: StaffEntry) => void;
  onChanged: (notice: string) => void;
}) {
  const [confirming, setConfirming] = useState<string>();
  const [failure, setFailure] = useState<unknown>();
  const townName = (id: string) => towns.find((m) => m.id === id)?.name ?? id;

  function done(person: StaffEntry, removed: boolean, error?: unknown) {
    setConfirming(undefined);
    setFailure(error);
    // The person's entry is gone: focus goes to the list's heading, the notice says what happened.
    const toList = () => requestAnimationFrame(() => document.getElementById('staff-list-heading')?.focus());
    if (removed) {
      onChanged(t('adminStaff.removed', { email: person.email }));
      toList();
    } else if (hasCode(error, 'not_found')) {
      onChanged(t('adminStaff.notFound'));
      toList();
    }
    // Back to the person's own remove button, so keyboard users stay where they were.
    else requestAnimationFrame(() => document.getElementById(`remove-${person.email}`)?.focus());
  }

  return (
    <section aria-labelledby="staff-list-heading">
      <h2 id="staff-list-heading" tabIndex={-1}>
        {t('adminStaff.listHeading')}
      </h2>
      <p>{t('adminStaff.count', { count: staff.length })}</p>
      {failure ? (
        <div className="notice notice--error" role="alert">
          <p>{refusal(failure)}</p>
        </div>
      ) : null}
      <ul className="admin-people">
        {staff.map((person) => (
          <li key={person.email} className="admin-person">
            <p className="admin-person__name">
              <strong>{person.name}</strong> {person.email === me ? t('adminStaff.you') : null}
            </p>
            <p className="admin-person__email">{person.email}</p>
            <p>
              {t('adminStaff.role')}: {t(`adminStaff.roles.${person.role}`)}
              <br />
              {t('adminStaff.municipalities')}: {person.municipalities.map(townName).join(', ')}
            </p>
            {confirming === person.email ? (
              <ConfirmRemoval person={person} onDone={(removed, error) => done(person, removed, error)} />
            ) : (
              <div className="staff-actions">
                <button type="button" className="button button--secondary" onClick={() => onEdit(person)}>
                  {t('adminStaff.edit')}
                  <span className="visually-hidden"> {person.name}</span>
                </button>
                <button
                  type="button"
                  id={`remove-${person.email}`}
                  className="button button--secondary"
                  onClick={() => {
                    setFailure(undefined);
                    setConfirming(person.email);
                  }}
                >
                  {t('adminStaff.remove')}
                  <span className="visually-hidden"> {person.name}</span>
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** `/admin/staff`: for admins, everyone who may sign in; add, change and (after a confirmation) remove a person. */
export function StaffAdminPage() {
  // Only admins get here: AdminApp answers everyone else.
  const { me, sessionEnded } = useSession();
  const [version, setVersion] = useState(0);
  const [state, retry] = useAsync(() => Promise.all([fetchStaff(), fetchMunicipalityNames()]), `staff-${version}`);
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  // While the list reloads after a change, the one shown before stays (no flash, focus kept).
  const last = useRef<[{ staff: StaffEntry[] }, { municipalities: MunicipalityRef[] }]>();
  if (state.status === 'ready') last.current = state.value;
  const shown = last.current;
  const [notice, setNotice] = useState<string>();
  const failed = state.status === 'failed' ? state.error : undefined;
  useEffect(() => {
    if (isSignedOut(failed)) sessionEnded();
  }, [failed, sessionEnded]);

  const changed = (message: string) => {
    setNotice(message);
    setVersion((n) => n + 1);
  };

  return (
    <>
      <StaffHeading>{t('adminStaff.heading')}</StaffHeading>
      <p>{t('adminStaff.intro')}</p>
      <div role="status" className={notice ? 'notice' : undefined}>
        {notice ? <p>{notice}</p> : null}
      </div>
      {state.status === 'loading' && !shown ? <StaffLoading /> : null}
      {state.status === 'failed' ? <LoadError error={state.error} onRetry={retry} /> : null}
      {shown ? (
        <div className="admin-columns">
          <PersonForm
            key={draft.editing ?? 'new'}
            draft={draft}
            setDraft={setDraft}
            towns={shown[1].municipalities}
            onSaved={(email) => {
              setDraft(emptyDraft());
              changed(t('adminStaff.saved', { email }));
            }}
          />
          <PersonList
            staff={shown[0].staff}
            towns={shown[1].municipalities}
            me={me.email}
            onEdit={(person) => {
              setNotice(undefined);
              setDraft({ editing: person.email, ...person, municipalities: [...person.municipalities] });
              requestAnimationFrame(() => document.getElementById('person-form-heading')?.focus());
            }}
            onChanged={changed}
          />
        </div>
      ) : null}
    </>
  );
}
